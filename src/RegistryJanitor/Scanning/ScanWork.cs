using System.Collections.Concurrent;
using RegistryJanitor.Core.Manifests;
using RegistryJanitor.Storage.Inventory;

namespace RegistryJanitor.Scanning;

/// <summary>The mutable state of one repository scan, shared by its concurrent requests.</summary>
internal sealed class ScanWork
{
    private int errorCount;

    public ScanWork(string repository) => Repository = repository;

    public string Repository { get; }

    /// <summary>Tag → digest for every tag resolved in this scan.</summary>
    public ConcurrentDictionary<string, string> Resolved { get; } = new(StringComparer.Ordinal);

    /// <summary>Tags that could not be resolved; their stored state is kept.</summary>
    public ConcurrentDictionary<string, bool> Unresolved { get; } = new(StringComparer.Ordinal);

    /// <summary>Manifests downloaded in this scan, by digest.</summary>
    public ConcurrentDictionary<string, FetchedEntry> Fetched { get; } = new(StringComparer.Ordinal);

    /// <summary>Manifests already stored, by digest.</summary>
    public ConcurrentDictionary<string, KnownManifest> Known { get; } = new(StringComparer.Ordinal);

    /// <summary>The index entry that led to a digest, for classifying attestations.</summary>
    public ConcurrentDictionary<string, Descriptor> Entries { get; } = new(StringComparer.Ordinal);

    public int KnownCount => Known.Count;

    public int ErrorCount => Volatile.Read(ref errorCount);

    public void CountError() => Interlocked.Increment(ref errorCount);

    /// <summary>True when the digest is stored already or was fetched in this scan.</summary>
    public bool IsStorable(string digest) => Fetched.ContainsKey(digest) || Known.ContainsKey(digest);

    public IReadOnlyList<string> ChildrenOf(string digest) =>
        Fetched.TryGetValue(digest, out var fetched) ? fetched.ChildDigests
        : Known.TryGetValue(digest, out var known) ? known.ChildDigests
        : [];
}

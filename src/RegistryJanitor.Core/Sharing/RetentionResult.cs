namespace RegistryJanitor.Core.Sharing;

/// <summary>What a retention policy would delete and free.</summary>
/// <param name="Policy">The policy simulated.</param>
/// <param name="DeletedTags">Tags the policy removes, as repository and tag.</param>
/// <param name="DeletedManifests">Manifests removed, with untagged children and referrers that go with them.</param>
/// <param name="Freed">Blobs referenced only by deleted manifests, each once, plus their manifest documents.</param>
public sealed record RetentionResult(
    RetentionPolicy Policy,
    IReadOnlyList<(string Repository, string Tag)> DeletedTags,
    IReadOnlyList<ManifestKey> DeletedManifests,
    FreedBytes Freed);

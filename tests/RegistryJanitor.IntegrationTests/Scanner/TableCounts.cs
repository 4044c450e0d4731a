namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>Row counts of the inventory tables.</summary>
public sealed record TableCounts(
    long Manifests, long Blobs, long ManifestBlobs, long Children, long Tags, long TagHistory, long Presence,
    long Repositories);

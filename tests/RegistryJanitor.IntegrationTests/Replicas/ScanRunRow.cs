namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>The figures of a <c>scan_runs</c> row the replica tests check.</summary>
internal sealed record ScanRunRow(long Id, string Status, int Total, int Scanned, int TagsSeen);

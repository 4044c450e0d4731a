namespace RegistryJanitor.IntegrationTests.Replicas;

/// <summary>A <c>scan_run_repositories</c> row.</summary>
internal sealed record RepositoryRecordRow(string Repository, int Attempts, string ScannedBy, bool Failed);

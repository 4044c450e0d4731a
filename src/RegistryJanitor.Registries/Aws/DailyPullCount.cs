namespace RegistryJanitor.Registries.Aws;

/// <summary>Pulls of one repository on one UTC day, from CloudWatch <c>AWS/ECR RepositoryPullCount</c> (Sum).</summary>
/// <param name="Repository">The repository name (the <c>RepositoryName</c> dimension).</param>
/// <param name="Day">The UTC day the data point starts.</param>
/// <param name="Pulls">The summed pull count of that day.</param>
public sealed record DailyPullCount(string Repository, DateOnly Day, long Pulls);

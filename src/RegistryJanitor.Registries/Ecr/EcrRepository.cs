namespace RegistryJanitor.Registries.Ecr;

/// <summary>One repository from <c>DescribeRepositories</c>.</summary>
/// <param name="Name">The repository name.</param>
/// <param name="RegistryId">The owning account id.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="TagMutability"><c>MUTABLE</c> or <c>IMMUTABLE</c> (or the newer exclusion variants).</param>
public sealed record EcrRepository(string Name, string? RegistryId, DateTimeOffset? CreatedAt, string? TagMutability);

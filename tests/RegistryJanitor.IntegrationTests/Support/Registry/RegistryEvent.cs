namespace RegistryJanitor.IntegrationTests.Support.Registry;

/// <summary>One event of a registry notification batch, reduced to what tests assert on.</summary>
/// <param name="Action">push, pull, mount or delete.</param>
/// <param name="Repository">target.repository.</param>
/// <param name="MediaType">target.mediaType.</param>
/// <param name="Digest">target.digest.</param>
/// <param name="Tag">target.tag, when the request named one.</param>
/// <param name="Method">request.method (GET or HEAD for pulls).</param>
/// <param name="UserAgent">request.useragent.</param>
/// <param name="User">actor.name, when the request was authenticated.</param>
public sealed record RegistryEvent(
    string Action,
    string? Repository,
    string? MediaType,
    string? Digest,
    string? Tag,
    string? Method,
    string? UserAgent,
    string? User);

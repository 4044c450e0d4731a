using System.Net;

namespace RegistryJanitor.IntegrationTests.Support.Host;

/// <summary>What a <c>run</c> process answered to one GET, whatever the status.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The response body as text.</param>
public sealed record ServiceResponse(HttpStatusCode Status, string Body);

namespace RegistryJanitor.Core.Manifests;

/// <summary>One entry of an image config's <c>history</c>.</summary>
/// <param name="Created">When the step ran, when given and parseable.</param>
/// <param name="CreatedBy">The build step, e.g. <c>RUN apt-get install …</c>.</param>
/// <param name="Comment">The free-text comment, when given.</param>
/// <param name="EmptyLayer">True when the step produced no layer.</param>
public sealed record HistoryEntry(DateTimeOffset? Created, string? CreatedBy, string? Comment, bool EmptyLayer);

namespace RegistryJanitor.Reports.Model;

/// <summary>One tag of one repository (the Images sheet has one row per tag).</summary>
public sealed record ImageCostRow
{
    public required string Registry { get; init; }

    public required string Repository { get; init; }

    public required string Tag { get; init; }

    public required string Digest { get; init; }

    public string? MediaType { get; init; }

    /// <summary>When it was pushed (UTC): provider push time, plausible config created time, or first seen.</summary>
    public DateTime? PushedAt { get; init; }

    /// <summary>Origin of the push time: <c>provider</c>, <c>config created</c> or <c>first seen</c>.</summary>
    public string? PushedSource { get; init; }

    /// <summary>When it was last pulled (UTC), when a provider or registry events say so.</summary>
    public DateTime? LastPulledAt { get; init; }

    public required long ImageBytes { get; init; }

    public required long ExclusiveBytes { get; init; }

    public required long AmortizedBytes { get; init; }

    public required long Pulls { get; init; }

    public required long EgressBytes { get; init; }

    public required string PullSource { get; init; }
}

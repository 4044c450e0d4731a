namespace RegistryJanitor.IntegrationTests.Scanner;

/// <summary>What the fault proxy does to one request instead of (or while) forwarding it.</summary>
public enum Fault
{
    /// <summary>429 with <c>Retry-After: 1</c> (seconds).</summary>
    TooManyRequestsSeconds,

    /// <summary>429 with <c>Retry-After</c> as an HTTP date one second ahead.</summary>
    TooManyRequestsDate,

    /// <summary>503 Service Unavailable.</summary>
    Unavailable,

    /// <summary>The connection is reset before any response.</summary>
    Reset,

    /// <summary>The response starts two seconds late (longer than the attempt timeout of the tests).</summary>
    Slow,

    /// <summary>Headers announce the full length; half the body arrives, then the connection drops.</summary>
    Truncate,

    /// <summary>The body arrives complete but with one byte changed.</summary>
    Corrupt,

    /// <summary>The response carries a <c>Link: rel="next"</c> back to the same page.</summary>
    LinkLoop,
}

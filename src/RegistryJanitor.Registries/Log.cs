using Microsoft.Extensions.Logging;

namespace RegistryJanitor.Registries;

/// <summary>Registry HTTP log messages (event ids 3000-3199). Never logs credentials or tokens.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 3000, Level = LogLevel.Debug,
        Message = "Registry {Registry} asked for {Scheme} auth {Error}")]
    public static partial void AuthChallenge(ILogger logger, string registry, string scheme, string error);

    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "Registry {Registry}: token issued for {ScopeCount} scopes, valid {LifetimeSeconds} s")]
    public static partial void TokenIssued(ILogger logger, string registry, int scopeCount, int lifetimeSeconds);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "Registry {Registry} sent a warning: {Warning}")]
    public static partial void RegistryWarning(ILogger logger, string registry, string warning);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "Registry request {Method} {Host} failed ({Outcome}); retry {Attempt} in {DelayMs} ms")]
    public static partial void Retrying(
        ILogger logger, string method, string host, string outcome, int attempt, double delayMs);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning,
        Message = "Registry {Registry}: reading {Repository} {Reference} failed ({Reason}); retry {Attempt}")]
    public static partial void BodyRetry(
        ILogger logger, string registry, string repository, string reference, string reason, int attempt);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Debug,
        Message = "Registry {Registry} has no referrers API; using the tag fallback")]
    public static partial void ReferrersFallback(ILogger logger, string registry);
}

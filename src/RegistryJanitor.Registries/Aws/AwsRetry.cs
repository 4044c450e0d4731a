using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RegistryJanitor.Registries.Cloud;

namespace RegistryJanitor.Registries.Aws;

/// <summary>
/// The retry pipeline for AWS calls: throttling, 5xx and connection failures, exponential with jitter.
/// </summary>
internal static class AwsRetry
{
    /// <summary>The operation name carried in the resilience context, for the retry log line.</summary>
    public static readonly ResiliencePropertyKey<string> OperationKey = new("aws-operation");

    public static ResiliencePipeline Create(
        int maxRetries,
        TimeSpan baseDelay,
        TimeProvider timeProvider,
        ILogger logger) =>
        new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder()
                    .Handle<CloudProviderException>(exception => exception.IsTransient)
                    .Handle<HttpRequestException>(),
                OnRetry = arguments =>
                {
                    var operation = arguments.Context.Properties.GetValue(OperationKey, "unknown");
                    var exception = arguments.Outcome.Exception;
                    var type = exception is CloudProviderException cloud
                        ? cloud.ErrorType ?? cloud.StatusCode?.ToString()
                        : exception?.GetType().Name;
                    CloudLog.AwsRetrying(
                        logger, operation, arguments.AttemptNumber + 1, type ?? "unknown", arguments.RetryDelay);
                    return default;
                },
            })
            .Build();

    /// <summary>Runs <paramref name="action"/> through <paramref name="pipeline"/>, naming the operation.</summary>
    public static async Task<T> ExecuteAsync<T>(
        this ResiliencePipeline pipeline,
        string operation,
        Func<CancellationToken, Task<T>> action,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (ctx, callback) => await callback(ctx.CancellationToken),
                context,
                action);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }
}

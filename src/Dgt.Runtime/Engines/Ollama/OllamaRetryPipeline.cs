using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dgt.Engines.Ollama;

/// <summary>
/// The Polly pipeline around one request: retries (outer) of attempts each bounded by the timeout (inner). Only
/// transient failures and attempt timeouts are retried; a permanent or rejected failure and the caller's cancellation
/// go straight through.
/// </summary>
internal static class OllamaRetryPipeline
{
    public static ResiliencePipeline Create(int maxRetries, TimeSpan attemptTimeout, RetryBackoff backoff, TimeProvider time)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (maxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = maxRetries,
                ShouldHandle = static args => ValueTask.FromResult(IsRetryable(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    backoff.DelayBefore(args.AttemptNumber, RetryAfterOf(args.Outcome.Exception))),
            });
        }

        // A generator rather than TimeoutStrategyOptions.Timeout: the latter rejects values under 10 ms, and the
        // block accepts any positive number of seconds.
        return builder
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => ValueTask.FromResult(attemptTimeout) })
            .Build();
    }

    private static bool IsRetryable(Exception? exception) =>
        exception is TimeoutRejectedException or OllamaAttemptException { Failure.IsTransient: true };

    private static TimeSpan? RetryAfterOf(Exception? exception) =>
        (exception as OllamaAttemptException)?.Failure.RetryAfter;
}

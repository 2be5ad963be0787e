using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// The Polly strategies around one call: retries of whole attempts, and the timeout that bounds each attempt. They are
/// two pipelines because an attempt first waits for the endpoint's rate limits, and that wait must not count against
/// the attempt's timeout. Only transient failures and attempt timeouts are retried; a permanent or rejected failure and
/// the caller's cancellation go straight through.
/// </summary>
internal static class RetryPipeline
{
    public static ResiliencePipeline Retries(int maxRetries, RetryBackoff backoff, TimeProvider time)
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

        return builder.Build();
    }

    public static ResiliencePipeline AttemptTimeout(TimeSpan attemptTimeout, TimeProvider time) =>
        // A generator rather than TimeoutStrategyOptions.Timeout: the latter rejects values under 10 ms, and the
        // blocks accept any positive number of seconds.
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddTimeout(new TimeoutStrategyOptions { TimeoutGenerator = _ => ValueTask.FromResult(attemptTimeout) })
            .Build();

    private static bool IsRetryable(Exception? exception) =>
        exception is TimeoutRejectedException or EngineAttemptException { Failure.IsTransient: true };

    private static TimeSpan? RetryAfterOf(Exception? exception) =>
        (exception as EngineAttemptException)?.Failure.RetryAfter;
}

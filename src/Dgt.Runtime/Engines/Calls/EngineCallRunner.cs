using Dgt.Runtime.Engines.Cache;
using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Engines.Http;
using Polly;
using Polly.Timeout;

namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// Runs one call of an HTTP engine to its end: the response cache first; then attempts, each waiting for the endpoint's
/// rate limits and bounded by the timeout, retried with backoff while transient; each outcome fed back to the endpoint's
/// flow control. A call that still fails comes back as a failed reply; a failure no retry can mend throws
/// <see cref="LmPermanentException"/> with the engine's message.
/// </summary>
internal sealed class EngineCallRunner<TRequest>
{
    private readonly IEngineExchange<TRequest> _exchange;
    private readonly EngineFailureMessages _messages;
    private readonly ResiliencePipeline _retries;
    private readonly ResiliencePipeline _timeout;
    private readonly TimeSpan _attemptTimeout;
    private readonly EndpointFlow _flow;
    private readonly CallCaching? _caching;
    private readonly SecretRedactor _redactor;
    private readonly TimeProvider _time;
    private int _hasReachedServer;

    public EngineCallRunner(
        IEngineExchange<TRequest> exchange,
        EngineFailureMessages messages,
        EngineCallSettings settings,
        EndpointFlow flow,
        CallCaching? caching,
        SecretRedactor redactor)
    {
        _exchange = exchange;
        _messages = messages;
        _retries = RetryPipeline.Retries(settings.MaxRetries, settings.Backoff, settings.Time);
        _timeout = RetryPipeline.AttemptTimeout(settings.AttemptTimeout, settings.Time);
        _attemptTimeout = settings.AttemptTimeout;
        _flow = flow;
        _caching = caching;
        _redactor = redactor;
        _time = settings.Time;
    }

    private bool HasReachedServer => Volatile.Read(ref _hasReachedServer) == 1;

    public async Task<LmReply> RunAsync(LmCall call, CancellationToken cancellationToken)
    {
        var request = _exchange.Prepare(call);
        var cacheKey = _caching?.KeyOf(call);
        if (cacheKey is not null && await _caching!.Cache.FindAsync(cacheKey, cancellationToken).ConfigureAwait(false) is { } hit)
        {
            return LmReply.FromCache(hit.Text, hit.Usage);
        }

        var attempt = new Attempt(this, request, EstimateTokens(call));
        try
        {
            var answer = await _retries.ExecuteAsync(
                static (state, token) => state.RunAsync(token), attempt, cancellationToken).ConfigureAwait(false);
            if (cacheKey is not null)
            {
                await _caching!.Cache.StoreAsync(cacheKey, new CachedReply(answer.Text, answer.Usage), cancellationToken).ConfigureAwait(false);
            }

            return LmReply.Success(answer.Text, answer.Usage, attempt.Count);
        }
        catch (EngineAttemptException failed) when (failed.Failure.IsPermanent)
        {
            throw new LmPermanentException(_redactor.Redact(_messages.Permanent(failed.Failure)), _redactor.Clean(failed.InnerException));
        }
        catch (EngineAttemptException failed)
        {
            return LmReply.Failed(_redactor.Redact(GaveUp(failed.Failure.Reason, attempt.Count)), attempt.Count);
        }
        catch (TimeoutRejectedException)
        {
            return LmReply.Failed(GaveUp(_messages.TimedOut(_attemptTimeout), attempt.Count), attempt.Count);
        }
    }

    private static string GaveUp(string reason, int attempts) =>
        attempts == 1 ? reason : $"{reason} (gave up after {attempts} attempts)";

    // About four characters a token for the prompt, plus what the reply may take: enough to pace a token budget.
    private static int EstimateTokens(LmCall call)
    {
        var characters = call.Prompt?.Length ?? call.Messages?.Sum(message => message.Content.Length) ?? 0;
        return (int)Math.Min(int.MaxValue, (characters / 4L) + (call.Options.MaxTokens ?? 0));
    }

    private async ValueTask<EngineAnswer> AttemptAsync(TRequest request, int estimatedTokens, CancellationToken token)
    {
        // Waiting for the rate limits is not the server's time: it stays outside the attempt's timeout.
        await _flow.WaitForRateAsync(estimatedTokens, token).ConfigureAwait(false);
        return await _timeout.ExecuteAsync(
            static (state, attemptToken) => state.Runner.SendAsync(state.Request, state.EstimatedTokens, attemptToken),
            (Runner: this, Request: request, EstimatedTokens: estimatedTokens),
            token).ConfigureAwait(false);
    }

    private async ValueTask<EngineAnswer> SendAsync(TRequest request, int estimatedTokens, CancellationToken token)
    {
        var started = _time.GetTimestamp();
        try
        {
            var answer = await _exchange.SendAsync(request, token).ConfigureAwait(false);
            Volatile.Write(ref _hasReachedServer, 1);
            _flow.OnSuccess(_time.GetElapsedTime(started), answer.Usage, estimatedTokens);
            return answer;
        }
        catch (Exception e)
        {
            // Whatever a torn-down connection threw, an attempt whose token was cancelled (its timeout or the caller)
            // ends as a cancellation, so the timeout strategy can tell the two apart.
            token.ThrowIfCancellationRequested();
            var failure = _exchange.Classify(e, HasReachedServer);
            if (e is EngineHttpException)
            {
                // Any HTTP answer, even an error status, proves a server is there: a later refusal is a restart.
                Volatile.Write(ref _hasReachedServer, 1);
            }

            if (failure.Kind == EngineFailureKind.Throttled)
            {
                _flow.OnThrottled(_time.GetElapsedTime(started));
            }

            throw new EngineAttemptException(failure, e);
        }
    }

    /// <summary>One call's attempts, which run one after another; it counts them.</summary>
    private sealed class Attempt(EngineCallRunner<TRequest> runner, TRequest request, int estimatedTokens)
    {
        public int Count { get; private set; }

        public ValueTask<EngineAnswer> RunAsync(CancellationToken token)
        {
            Count++;
            return runner.AttemptAsync(request, estimatedTokens, token);
        }
    }
}

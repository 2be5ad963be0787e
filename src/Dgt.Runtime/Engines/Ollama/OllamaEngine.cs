using OllamaSharp.Models;
using Polly;
using Polly.Timeout;

namespace Dgt.Engines.Ollama;

/// <summary>
/// The <c>type: ollama</c> LLM engine: completion through <c>/api/generate</c> (raw prompt), chat through
/// <c>/api/chat</c>, with the block's sampling options sent in both modes. Transient failures are retried with
/// backoff; a request that still fails comes back as a failed reply; a failure no retry can mend (no server, unknown
/// model, refused credentials) throws <see cref="LmPermanentException"/> with the address, the model and the fix.
/// </summary>
[BlockType("ollama")]
public sealed class OllamaEngine : LMProvider, IDisposable
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(15);

    private readonly HttpClient _http;
    private readonly OllamaHttpClient _client;
    private readonly OllamaExchange _exchange;
    private readonly ResiliencePipeline _pipeline;
    private readonly OllamaFailureMessages _messages;
    private readonly TimeSpan _attemptTimeout;
    private int _hasReachedServer;

    /// <summary>Creates the engine from its bound options.</summary>
    public OllamaEngine(OllamaOptions options, BlockContext context)
        : this(options, context, RetryBackoff.Default, TimeProvider.System)
    {
    }

    /// <summary>Creates the engine with its retry delays and clock chosen (tests shrink the delays).</summary>
    internal OllamaEngine(OllamaOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time)
        : base(context.Name, options.ModelIdOrPath, options.CallLimit, options.ToGenerationOptions())
    {
        BaseUrl = OllamaHost.Resolve(options.BaseUrl, context.Environment, context.Name);
        _attemptTimeout = TimeSpan.FromSeconds(options.Timeout);
        _http = CreateHttpClient(BaseUrl, options.CallLimit, _attemptTimeout);
        _client = new OllamaHttpClient(_http, options.ModelIdOrPath, time);
        _exchange = new OllamaExchange(_client, options.ModelIdOrPath, options.Stream, options.NumCtx);
        _pipeline = OllamaRetryPipeline.Create(options.MaxRetries, _attemptTimeout, backoff, time);
        _messages = new OllamaFailureMessages(OllamaHost.Display(BaseUrl), options.ModelIdOrPath, context.Name);
    }

    /// <summary>The server this engine talks to.</summary>
    public Uri BaseUrl { get; }

    private bool HasReachedServer => Volatile.Read(ref _hasReachedServer) == 1;

    /// <inheritdoc />
    protected override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
    {
        var request = _exchange.Prepare(call);
        var attempts = new AttemptCounter();
        try
        {
            var answer = await _pipeline.ExecuteAsync(
                static (state, token) => state.Engine.AttemptAsync(state.Request, state.Attempts, token),
                (Engine: this, Request: request, Attempts: attempts),
                cancellationToken).ConfigureAwait(false);
            return LmReply.Success(answer.Text, answer.Usage, attempts.Count);
        }
        catch (OllamaAttemptException failed) when (failed.Failure.IsPermanent)
        {
            throw new LmPermanentException(_messages.Permanent(failed.Failure), failed.InnerException);
        }
        catch (OllamaAttemptException failed)
        {
            return LmReply.Failed(OllamaFailureMessages.GaveUp(failed.Failure.Reason, attempts.Count), attempts.Count);
        }
        catch (TimeoutRejectedException)
        {
            return LmReply.Failed(OllamaFailureMessages.GaveUp(_messages.TimedOut(_attemptTimeout), attempts.Count), attempts.Count);
        }
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private async ValueTask<OllamaAnswer> AttemptAsync(OllamaRequest request, AttemptCounter attempts, CancellationToken token)
    {
        attempts.Increment();
        try
        {
            var answer = await _exchange.SendAsync(request, token).ConfigureAwait(false);
            Volatile.Write(ref _hasReachedServer, 1);
            return answer;
        }
        catch (Exception e)
        {
            // Whatever a torn-down connection threw, an attempt whose token was cancelled (its timeout or the caller)
            // ends as a cancellation, so the timeout strategy can tell the two apart.
            token.ThrowIfCancellationRequested();
            var failure = OllamaFailureClassifier.Classify(e, HasReachedServer);
            if (e is OllamaHttpException)
            {
                // Any HTTP answer, even an error status, proves a server is there: a later refusal is a restart.
                Volatile.Write(ref _hasReachedServer, 1);
            }

            throw new OllamaAttemptException(failure, e);
        }
    }

    private static HttpClient CreateHttpClient(Uri baseUrl, int callLimit, TimeSpan attemptTimeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = callLimit,
            // Shorter than the attempt, so a host that never answers is told apart from a server that is slow to reply.
            ConnectTimeout = TimeSpan.FromTicks(Math.Min(MaxConnectTimeout.Ticks, attemptTimeout.Ticks / 2)),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

            // An abandoned reply (its attempt timed out) must drop its connection at once; draining it for reuse
            // would keep the stalled read alive for up to the drain timeout.
            MaxResponseDrainSize = 0,
        };

        // The retry pipeline bounds every attempt; HttpClient's own timeout would only race it.
        return new HttpClient(handler) { BaseAddress = baseUrl, Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>Counts the HTTP attempts of one call; one call runs its attempts one after another.</summary>
    private sealed class AttemptCounter
    {
        public int Count { get; private set; }

        public void Increment() => Count++;
    }
}

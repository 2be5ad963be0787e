using Dgt.Runtime.Engines.Cache;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Flow;

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// What every LLM engine that talks HTTP does alike: it joins the flow control of its endpoint (shared with every block
/// of the run on the same endpoint and credential), holds the HTTP connections, and runs each call through the
/// response cache, the rate limits, the attempt timeout and the retries. Transient failures are retried with backoff;
/// a call that still fails comes back as a failed reply; a failure no retry can mend throws
/// <see cref="LmPermanentException"/> with the engine's message, never the credential. Each engine supplies only its
/// protocol: where its endpoint is, how one attempt is sent and read, and its words for failures.
/// </summary>
public abstract class HttpEngine : LMProvider, IDisposable
{
    private readonly EngineCallSettings _settings;
    private readonly string? _cachePath;
    private readonly SecretRedactor _redactor;
    private Func<LmCall, CancellationToken, Task<LmReply>>? _calls;

    /// <summary>
    /// Joins the flow control of <paramref name="endpoint"/> in <paramref name="flows"/> and opens the connections;
    /// the engine's constructor then calls <see cref="UseProtocol"/>. <paramref name="handler"/>, when given, wraps the
    /// transport of every request.
    /// </summary>
    private protected HttpEngine(
        HttpEngineOptions options,
        BlockContext context,
        HttpEndpoint endpoint,
        RetryBackoff backoff,
        TimeProvider time,
        FlowRegistry flows,
        DelegatingHandler? handler = null)
        : this(options, context, endpoint, backoff, time, handler,
            flows.Join(endpoint.FlowKey, new FlowSettings(options.CallLimit, options.MaxRpm, options.MaxTpm)))
    {
    }

    private HttpEngine(
        HttpEngineOptions options,
        BlockContext context,
        HttpEndpoint endpoint,
        RetryBackoff backoff,
        TimeProvider time,
        DelegatingHandler? handler,
        EndpointFlow flow)
        : base(context.Name, options.ModelIdOrPath, options.CallLimit, options.ToGenerationOptions(), flow)
    {
        Endpoint = endpoint;
        Flow = flow;
        _settings = new EngineCallSettings(options.MaxRetries, TimeSpan.FromSeconds(options.Timeout), backoff, time);
        _cachePath = LmCachePath.Resolve(options.LmCache, context.Environment);
        _redactor = new SecretRedactor(endpoint.Credential);
        Http = EngineHttpClient.Create(options.CallLimit, _settings.AttemptTimeout, options.ReplyByteLimit, handler);

        // Clients that send relative API paths resolve them against the endpoint.
        Http.BaseAddress = endpoint.BaseUrl;
    }

    /// <summary>The server (or API) this engine talks to, ending in <c>/</c>.</summary>
    public Uri BaseUrl => Endpoint.BaseUrl;

    /// <summary>The flow control of the endpoint and credential, shared with every block of the run that uses them.</summary>
    internal EndpointFlow Flow { get; }

    /// <summary>Where the calls go.</summary>
    private protected HttpEndpoint Endpoint { get; }

    /// <summary>The connections every request of this engine goes through.</summary>
    private protected HttpClient Http { get; }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <inheritdoc />
    protected sealed override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
    {
        var calls = _calls ?? throw new InvalidOperationException($"Engine '{Name}' was built without its protocol.");
        try
        {
            return await calls(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Statistics.RecordConcurrency(Flow.Limit, Flow.PeakInFlight);
        }
    }

    /// <summary>Releases the engine's clients, then the HTTP connections they use.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Http.Dispose();
        }
    }

    /// <summary>
    /// Sets how calls are sent, once, from the engine's constructor (its clients need <see cref="Http"/>, so they exist
    /// only after this base is built). Replies are cached by engine type, address, model and
    /// <paramref name="cacheKeyExtras"/>: the engine's options that change a reply but are not part of the call.
    /// </summary>
    private protected void UseProtocol<TRequest>(
        IEngineExchange<TRequest> exchange,
        EngineFailureMessages messages,
        IReadOnlyList<KeyValuePair<string, string>>? cacheKeyExtras = null)
    {
        var caching = CallCaching.For(_cachePath, Name, Endpoint.EngineType, Endpoint.BaseUrl, ModelId, cacheKeyExtras);
        _calls = new EngineCallRunner<TRequest>(exchange, messages, _settings, Flow, caching, _redactor).RunAsync;
    }
}

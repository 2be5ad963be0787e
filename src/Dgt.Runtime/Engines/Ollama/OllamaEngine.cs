using Dgt.Engines.Cache;
using Dgt.Engines.Calls;
using Dgt.Engines.Flow;
using Dgt.Engines.Http;
using OllamaSharp.Models;

namespace Dgt.Engines.Ollama;

/// <summary>
/// The <c>type: ollama</c> LLM engine: completion through <c>/api/generate</c> (raw prompt), chat through
/// <c>/api/chat</c>, with the block's sampling options sent in both modes. Transient failures are retried with
/// backoff; a request that still fails comes back as a failed reply; a failure no retry can mend (no server, unknown
/// model, refused credentials) throws <see cref="LmPermanentException"/> with the address, the model and the fix.
/// Concurrency and rate limits are shared with every block using the same server; <c>lm_cache</c> stores replies.
/// </summary>
[BlockType("ollama")]
public sealed class OllamaEngine : LMProvider, IDisposable
{
    /// <summary>The engine type, as flow control and the response cache name it.</summary>
    internal const string EngineType = "ollama";

    private readonly HttpClient _http;
    private readonly OllamaHttpClient _client;
    private readonly EngineCallRunner<OllamaRequest> _runner;

    /// <summary>Creates the engine from its bound options.</summary>
    public OllamaEngine(OllamaOptions options, BlockContext context)
        : this(options, context, RetryBackoff.Default, TimeProvider.System, FlowRegistry.Of(context.Resources))
    {
    }

    /// <summary>Creates the engine with its retry delays, clock and flow registry chosen (tests shrink the delays).</summary>
    internal OllamaEngine(OllamaOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, FlowRegistry flows)
        : this(options, context, backoff, time, JoinFlow(options, context, flows))
    {
    }

    private OllamaEngine(OllamaOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, (Uri BaseUrl, EndpointFlow Flow) endpoint)
        : base(context.Name, options.ModelIdOrPath, options.CallLimit, options.ToGenerationOptions(), endpoint.Flow)
    {
        BaseUrl = endpoint.BaseUrl;
        Flow = endpoint.Flow;
        var attemptTimeout = TimeSpan.FromSeconds(options.Timeout);
        _http = EngineHttpClient.Create(options.CallLimit, attemptTimeout);
        _http.BaseAddress = BaseUrl;
        _client = new OllamaHttpClient(_http, options.ModelIdOrPath, time);
        var caching = CallCaching.For(
            LmCachePath.Resolve(options.LmCache, context.Environment), context.Name, EngineType, BaseUrl, options.ModelIdOrPath,
            options.NumCtx is { } numCtx ? [new("num_ctx", numCtx.ToString(System.Globalization.CultureInfo.InvariantCulture))] : null);
        _runner = new EngineCallRunner<OllamaRequest>(
            new OllamaExchange(_client, options.ModelIdOrPath, options.Stream, options.NumCtx),
            new OllamaFailureMessages(OllamaHost.Display(BaseUrl), options.ModelIdOrPath, context.Name),
            new EngineCallSettings(options.MaxRetries, attemptTimeout, backoff, time),
            Flow,
            caching,
            new SecretRedactor(null));
    }

    /// <summary>The server this engine talks to.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The flow control of the server, shared with every block that uses it.</summary>
    internal EndpointFlow Flow { get; }

    /// <inheritdoc />
    protected override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
    {
        try
        {
            return await _runner.RunAsync(call, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Statistics.RecordConcurrency(Flow.Limit, Flow.PeakInFlight);
        }
    }

    /// <summary>Releases the HTTP connections.</summary>
    public void Dispose()
    {
        _client.Dispose();
        _http.Dispose();
    }

    private static (Uri, EndpointFlow) JoinFlow(OllamaOptions options, BlockContext context, FlowRegistry flows)
    {
        var baseUrl = OllamaHost.Resolve(options.BaseUrl, context.Environment, context.Name);
        var flow = flows.Join(EndpointKey.For(EngineType, baseUrl, credential: null),
            new FlowSettings(options.CallLimit, options.MaxRpm, options.MaxTpm));
        return (baseUrl, flow);
    }
}

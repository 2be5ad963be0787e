using System.ClientModel;
using System.ClientModel.Primitives;
using Dgt.Engines.Cache;
using Dgt.Engines.Calls;
using Dgt.Engines.Flow;
using Dgt.Engines.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Dgt.Engines.OpenAi;

/// <summary>
/// The <c>type: openai</c> LLM engine (alias <c>vllm-remote</c>), for any OpenAI-compatible API: chat through
/// <c>/chat/completions</c> (the OpenAI package behind <see cref="IChatClient"/>), completion through
/// <c>/completions</c>. The key comes from <c>OPENAI_API_KEY</c> only, and without one no <c>Authorization</c> header
/// is sent. Failures, retries, flow control and the response cache behave as for every engine: transient failures
/// are retried with backoff, a request that still fails comes back as a failed reply, and a failure no retry can mend
/// throws <see cref="LmPermanentException"/> with the address, the model and the fix, never the key.
/// </summary>
[BlockType("openai", "vllm-remote")]
public sealed class OpenAiEngine : LMProvider, IDisposable
{
    /// <summary>The engine type, as flow control and the response cache name it.</summary>
    internal const string EngineType = "openai";

    // The OpenAI package insists on a credential; this stand-in is removed from the request before it is sent.
    private const string NoKey = "no-key";

    private readonly HttpClient _http;
    private readonly IChatClient _chat;
    private readonly EngineCallRunner<LmCall> _runner;

    /// <summary>Creates the engine from its bound options.</summary>
    public OpenAiEngine(OpenAiOptions options, BlockContext context)
        : this(options, context, RetryBackoff.Default, TimeProvider.System, FlowRegistry.Of(context.Resources))
    {
    }

    /// <summary>Creates the engine with its retry delays, clock and flow registry chosen (tests shrink the delays).</summary>
    internal OpenAiEngine(OpenAiOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, FlowRegistry flows)
        : this(options, context, backoff, time, Endpoint.Resolve(options, context, flows))
    {
    }

    private OpenAiEngine(OpenAiOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, Endpoint endpoint)
        : base(context.Name, options.ModelIdOrPath, options.CallLimit, options.ToGenerationOptions(), endpoint.Flow)
    {
        BaseUrl = endpoint.BaseUrl;
        Flow = endpoint.Flow;
        var attemptTimeout = TimeSpan.FromSeconds(options.Timeout);
        _http = EngineHttpClient.Create(options.CallLimit, attemptTimeout, new CancellableResponseHandler(sendAuthorization: endpoint.ApiKey is not null));
        _chat = CreateChatClient(_http, BaseUrl, options.ModelIdOrPath, endpoint.ApiKey);
        var completions = new CompletionClient(_http, BaseUrl, endpoint.ApiKey, time);
        _runner = new EngineCallRunner<LmCall>(
            new OpenAiExchange(_chat, completions, options.ModelIdOrPath, options.Stream, time),
            new OpenAiFailureMessages(OpenAiEndpoint.Display(BaseUrl), options.ModelIdOrPath, context.Name, endpoint.ApiKey is not null),
            new EngineCallSettings(options.MaxRetries, attemptTimeout, backoff, time),
            Flow,
            CallCaching.For(LmCachePath.Resolve(options.LmCache, context.Environment), context.Name, EngineType, BaseUrl, options.ModelIdOrPath),
            new SecretRedactor(endpoint.ApiKey));
    }

    /// <summary>The API this engine talks to, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The flow control of the endpoint and key, shared with every block that uses them.</summary>
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
        _chat.Dispose();
        _http.Dispose();
    }

    private static IChatClient CreateChatClient(HttpClient http, Uri baseUrl, string model, string? apiKey)
    {
        var options = new OpenAIClientOptions
        {
            Endpoint = baseUrl,
            Transport = new HttpClientPipelineTransport(http),
            // Retries and timeouts are the engine's (one policy for both endpoints, honouring Retry-After).
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = Timeout.InfiniteTimeSpan,
        };
        return new ChatClient(model, new ApiKeyCredential(apiKey ?? NoKey), options).AsIChatClient();
    }

    /// <summary>Where the engine's calls go, and the flow control they share.</summary>
    private sealed record Endpoint(Uri BaseUrl, string? ApiKey, EndpointFlow Flow)
    {
        public static Endpoint Resolve(OpenAiOptions options, BlockContext context, FlowRegistry flows)
        {
            var baseUrl = OpenAiEndpoint.ResolveBaseUrl(options.BaseUrl, context.Environment, context.Name);
            var apiKey = OpenAiEndpoint.ResolveApiKey(context.Environment);
            var flow = flows.Join(EndpointKey.For(EngineType, baseUrl, apiKey),
                new FlowSettings(options.CallLimit, options.MaxRpm, options.MaxTpm));
            return new Endpoint(baseUrl, apiKey, flow);
        }
    }
}

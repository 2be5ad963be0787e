using System.ClientModel;
using System.ClientModel.Primitives;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Engines.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// The <c>type: openai</c> LLM engine (alias <c>vllm-remote</c>), for any OpenAI-compatible API: chat through
/// <c>/chat/completions</c> (the OpenAI package behind <see cref="IChatClient"/>), completion through
/// <c>/completions</c>. The key comes from <c>OPENAI_API_KEY</c> only, and without one no <c>Authorization</c> header
/// is sent. Failures, retries, flow control and the response cache are those of every <see cref="HttpEngine"/>: a
/// failure no retry can mend throws <see cref="LmPermanentException"/> with the address, the model and the fix, never
/// the key. Blocks of the run on the same endpoint and key share its limits.
/// </summary>
[BlockType("openai", "vllm-remote")]
public sealed class OpenAiEngine : HttpEngine
{
    /// <summary>The engine type, as flow control and the response cache name it.</summary>
    internal const string EngineType = "openai";

    // The OpenAI package insists on a credential; this stand-in is removed from the request before it is sent.
    private const string NoKey = "no-key";

    private readonly IChatClient _chat;

    /// <summary>Creates the engine from its bound options; it shares its endpoint's flow control with its run.</summary>
    public OpenAiEngine(OpenAiOptions options, BlockContext context)
        : this(options, context, RetryBackoff.Default, TimeProvider.System, FlowRegistry.Of(context.Resources))
    {
    }

    /// <summary>Creates the engine with its retry delays, clock and flow registry chosen (tests shrink the delays).</summary>
    internal OpenAiEngine(OpenAiOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, FlowRegistry flows)
        : this(options, context, backoff, time, flows, FindEndpoint(options, context))
    {
    }

    private OpenAiEngine(OpenAiOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, FlowRegistry flows, HttpEndpoint endpoint)
        : base(options, context, endpoint, backoff, time, flows, new CancellableResponseHandler(sendAuthorization: endpoint.Credential is not null))
    {
        var apiKey = endpoint.Credential;
        _chat = CreateChatClient(Http, endpoint.BaseUrl, options.ModelIdOrPath, apiKey);
        UseProtocol(
            new OpenAiExchange(_chat, new CompletionClient(Http, endpoint.BaseUrl, apiKey, time), options.ModelIdOrPath, options.Stream, time),
            new OpenAiFailureMessages(endpoint.Display, options.ModelIdOrPath, context.Name, hasKey: apiKey is not null));
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _chat.Dispose();
        }

        base.Dispose(disposing);
    }

    private static HttpEndpoint FindEndpoint(OpenAiOptions options, BlockContext context) =>
        new(EngineType,
            OpenAiEndpoint.ResolveBaseUrl(options.BaseUrl, context.Environment, context.Name),
            OpenAiEndpoint.ResolveApiKey(context.Environment));

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
}

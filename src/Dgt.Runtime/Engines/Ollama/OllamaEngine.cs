using System.Globalization;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// The <c>type: ollama</c> LLM engine: completion through <c>/api/generate</c> (raw prompt), chat through
/// <c>/api/chat</c>, with the block's sampling options sent in both modes. Failures, retries, flow control and the
/// response cache are those of every <see cref="HttpEngine"/>: a failure no retry can mend (no server, unknown model,
/// refused credentials) throws <see cref="LmPermanentException"/> with the address, the model and the fix.
/// Concurrency and rate limits are shared with every block of the run using the same server.
/// </summary>
[BlockType("ollama")]
public sealed class OllamaEngine : HttpEngine
{
    /// <summary>The engine type, as flow control and the response cache name it.</summary>
    internal const string EngineType = "ollama";

    private readonly OllamaHttpClient _client;

    /// <summary>Creates the engine from its bound options; it shares its server's flow control with its run.</summary>
    public OllamaEngine(OllamaOptions options, BlockContext context)
        : this(options, context, RetryBackoff.Default, TimeProvider.System, FlowRegistry.Of(context.Resources))
    {
    }

    /// <summary>Creates the engine with its retry delays, clock and flow registry chosen (tests shrink the delays).</summary>
    internal OllamaEngine(OllamaOptions options, BlockContext context, RetryBackoff backoff, TimeProvider time, FlowRegistry flows)
        : base(options, context, FindEndpoint(options, context), backoff, time, flows)
    {
        _client = new OllamaHttpClient(Http, options.ModelIdOrPath, time);
        UseProtocol(
            new OllamaExchange(_client, options.ModelIdOrPath, options.Stream, options.NumCtx),
            new OllamaFailureMessages(Endpoint.Display, options.ModelIdOrPath, context.Name),
            // The context window changes what the model can see of a long prompt, so it changes the reply.
            options.NumCtx is { } numCtx ? [new("num_ctx", numCtx.ToString(CultureInfo.InvariantCulture))] : null);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client.Dispose();
        }

        base.Dispose(disposing);
    }

    // Ollama asks for no credential of its own.
    private static HttpEndpoint FindEndpoint(OllamaOptions options, BlockContext context) =>
        new(EngineType, OllamaHost.Resolve(options.BaseUrl, context.Environment, context.Name), Credential: null);
}

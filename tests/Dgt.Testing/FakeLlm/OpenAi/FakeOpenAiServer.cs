namespace Dgt.Testing.FakeLlm.OpenAi;

/// <summary>
/// Starts a <see cref="FakeLlmServer"/> speaking the OpenAI-compatible protocol (as vLLM and hosted APIs serve it):
/// <c>/v1/chat/completions</c> and <c>/v1/completions</c> (one JSON object, or server-sent events ending in
/// <c>data: [DONE]</c> when <c>stream</c> is true, with a usage event when <c>stream_options.include_usage</c> asks),
/// and <c>/v1/models</c>. It can insist on a key and refuses unknown models; its base URL ends in <c>/v1</c>.
/// </summary>
public static class FakeOpenAiServer
{
    /// <summary>Starts a server on a free port of 127.0.0.1 (or the port the options name).</summary>
    public static Task<FakeLlmServer> StartAsync(FakeOpenAiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOpenAiOptions();
        return FakeLlmServer.StartAsync(new OpenAiProtocol(options), options, cancellationToken);
    }
}

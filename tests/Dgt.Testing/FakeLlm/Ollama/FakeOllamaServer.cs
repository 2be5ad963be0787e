namespace Dgt.Testing.FakeLlm.Ollama;

/// <summary>
/// Starts a <see cref="FakeLlmServer"/> speaking Ollama: <c>/api/generate</c> and <c>/api/chat</c> (streamed NDJSON or
/// one object, as the request's <c>stream</c> flag says, streaming when it is absent as Ollama does),
/// <c>/api/tags</c>, <c>/api/show</c>, <c>/api/version</c> and <c>/</c>. Unknown models get Ollama's 404.
/// </summary>
public static class FakeOllamaServer
{
    /// <summary>Starts a server on a free port of 127.0.0.1 (or the port the options name).</summary>
    public static Task<FakeLlmServer> StartAsync(FakeOllamaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOllamaOptions();
        return FakeLlmServer.StartAsync(new OllamaProtocol(options), options, cancellationToken);
    }
}

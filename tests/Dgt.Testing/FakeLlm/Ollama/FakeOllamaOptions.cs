namespace Dgt.Testing.FakeLlm.Ollama;

/// <summary>How a fake Ollama server behaves: the host's options and Ollama's own.</summary>
public sealed record FakeOllamaOptions : FakeServerOptions
{
    /// <summary>The models the server has; any other gets Ollama's 404. A name without a tag means <c>:latest</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["mistral-small3.2"];

    /// <summary>What <c>/api/version</c> reports.</summary>
    public string Version { get; init; } = "0.12.6";
}

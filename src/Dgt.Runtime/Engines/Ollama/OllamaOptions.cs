using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// The options of a <c>type: ollama</c> block, bound from its builder YAML entry (snake_case keys): those of every
/// HTTP engine (<see cref="HttpEngineOptions"/>), and where the server is and the context window it loads.
/// </summary>
public sealed record OllamaOptions : HttpEngineOptions
{
    /// <summary>The Ollama server; when unset, <c>OLLAMA_HOST</c>, else <c>http://localhost:11434</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>The context window the server should load the model with.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? NumCtx { get; init; }
}

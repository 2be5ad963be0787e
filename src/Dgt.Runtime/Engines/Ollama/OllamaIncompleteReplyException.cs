namespace Dgt.Engines.Ollama;

/// <summary>The reply body ended without Ollama's final <c>"done": true</c> object, so its text may be cut short.</summary>
internal sealed class OllamaIncompleteReplyException()
    : Exception("the reply ended before its final chunk");

namespace Dgt.Runtime.Engines.Calls;

/// <summary>The reply body ended before its final part (Ollama's <c>"done": true</c>, a stream's end marker), so its text may be cut short.</summary>
internal sealed class IncompleteReplyException()
    : Exception("the reply ended before its final chunk");

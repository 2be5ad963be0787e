namespace Dgt.Engines.Ollama;

/// <summary>What one successful HTTP attempt produced: the whole text and the server's token counts.</summary>
internal sealed record OllamaAnswer(string Text, TokenUsage Usage);

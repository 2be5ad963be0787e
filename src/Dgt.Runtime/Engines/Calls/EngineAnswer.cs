namespace Dgt.Runtime.Engines.Calls;

/// <summary>What one successful HTTP attempt produced: the whole text and the server's token counts.</summary>
internal sealed record EngineAnswer(string Text, TokenUsage Usage);

namespace Dgt;

/// <summary>
/// What an engine made of one call: the text, or the reason it failed after its retries. Never a silent null.
/// </summary>
public sealed record LmReply
{
    /// <summary>The generated text (the assistant message's content in chat mode).</summary>
    public string? Text { get; init; }

    /// <summary>Token usage reported by the server.</summary>
    public TokenUsage Usage { get; init; }

    /// <summary>Why the call failed, when it did.</summary>
    public string? Failure { get; init; }

    /// <summary>How many HTTP attempts the call took.</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>A successful reply.</summary>
    public static LmReply Success(string text, TokenUsage usage, int attempts = 1) =>
        new() { Text = text, Usage = usage, Attempts = attempts };

    /// <summary>A reply that carries the failure instead of text.</summary>
    public static LmReply Failed(string failure, int attempts) => new() { Failure = failure, Attempts = attempts };
}

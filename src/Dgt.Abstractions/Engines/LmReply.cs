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

    /// <summary>How many HTTP attempts the call took (0 when it was answered from the response cache).</summary>
    public int Attempts { get; init; } = 1;

    /// <summary>Whether the reply came from the response cache, without a request to the server.</summary>
    public bool Cached { get; init; }

    /// <summary>A successful reply.</summary>
    public static LmReply Success(string text, TokenUsage usage, int attempts = 1) =>
        new() { Text = text, Usage = usage, Attempts = attempts };

    /// <summary>A reply answered from the response cache: what the server said when the same call was first made.</summary>
    public static LmReply FromCache(string text, TokenUsage usage) =>
        new() { Text = text, Usage = usage, Attempts = 0, Cached = true };

    /// <summary>A reply that carries the failure instead of text.</summary>
    public static LmReply Failed(string failure, int attempts) => new() { Failure = failure, Attempts = attempts };
}

namespace Dgt;

/// <summary>
/// What an engine made of one call: the text, or the reason it failed after its retries. Never a silent null.
/// </summary>
public sealed record LmReply
{
    /// <summary>The generated text (the assistant message's content in chat mode); the first choice's when there are several.</summary>
    public string? Text { get; init; }

    /// <summary>
    /// Every reply text, in choice order: one for a request without <see cref="GenerationOptions.N"/>, otherwise the
    /// choices that succeeded (when one failed, <see cref="Failure"/> says which, and the others are still here).
    /// </summary>
    public IReadOnlyList<string> Choices { get => _choices ?? (Text is null ? [] : [Text]); init => _choices = value; }

    private readonly IReadOnlyList<string>? _choices;

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

    /// <summary>
    /// The reply of a request made of several choices, from each choice's reply in order: their texts, their summed
    /// usage and attempts, and the first failure, naming its choice.
    /// </summary>
    public static LmReply OfChoices(IReadOnlyList<LmReply> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentOutOfRangeException.ThrowIfZero(choices.Count);
        var texts = choices.Where(c => c.Failure is null && c.Text is not null).Select(c => c.Text!).ToList();
        var failed = choices.Select((reply, index) => (reply, index)).FirstOrDefault(c => c.reply.Failure is not null);
        return new LmReply
        {
            Text = texts.Count > 0 ? texts[0] : null,
            Choices = texts,
            Usage = choices.Aggregate(default(TokenUsage), (sum, c) => sum + c.Usage),
            Failure = failed.reply is null ? null : $"choice {failed.index + 1} of {choices.Count}: {failed.reply.Failure}",
            Attempts = choices.Sum(c => c.Attempts),
            Cached = choices.All(c => c.Cached),
        };
    }
}

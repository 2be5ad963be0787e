namespace Dgt;

/// <summary>The result of one <see cref="LmRequest{TReference}"/>, carrying the caller's reference back.</summary>
public sealed record LmResult<TReference>(TReference Reference, LmReply Reply)
{
    /// <summary>True when the engine returned text.</summary>
    public bool Succeeded => Reply.Failure is null && Reply.Text is not null;

    /// <summary>The generated text, or an empty string when the call failed.</summary>
    public string Text => Reply.Text ?? "";

    /// <summary>Every reply text, in choice order (several when the request asked for <see cref="GenerationOptions.N"/>).</summary>
    public IReadOnlyList<string> Texts => Reply.Choices;

    /// <summary>Why the call failed, or null.</summary>
    public string? Failure => Reply.Failure;
}

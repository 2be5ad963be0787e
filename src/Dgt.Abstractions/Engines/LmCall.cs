namespace Dgt;

/// <summary>One call as an engine sees it: the caller's reference stripped, the options already merged.</summary>
public sealed record LmCall
{
    /// <summary>The endpoint.</summary>
    public required LmMethod Method { get; init; }

    /// <summary>The prompt, for completion.</summary>
    public string? Prompt { get; init; }

    /// <summary>The messages, for chat.</summary>
    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    /// <summary>The effective options (engine options with the request's overrides on top), for this one reply.</summary>
    public required GenerationOptions Options { get; init; }

    /// <summary>Which of a request's <see cref="GenerationOptions.N"/> replies this call makes (0 for the first or only one).</summary>
    public int Choice { get; init; }
}

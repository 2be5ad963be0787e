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

    /// <summary>The effective options (engine options with the request's overrides on top).</summary>
    public required GenerationOptions Options { get; init; }
}

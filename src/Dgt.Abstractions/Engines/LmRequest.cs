namespace Dgt;

/// <summary>
/// One request to an LLM engine. <see cref="Reference"/> is the caller's own data (for example the in-context examples
/// used in the prompt); it comes back untouched with the result.
/// </summary>
public sealed record LmRequest<TReference>
{
    /// <summary>The prompt, for <see cref="LmMethod.Completion"/>.</summary>
    public string? Prompt { get; init; }

    /// <summary>The messages, for <see cref="LmMethod.ChatCompletion"/>.</summary>
    public IReadOnlyList<ChatMessage>? Messages { get; init; }

    /// <summary>The endpoint to call.</summary>
    public required LmMethod Method { get; init; }

    /// <summary>Per-request options layered over the engine's options.</summary>
    public GenerationOptions? Overrides { get; init; }

    /// <summary>The caller's data, returned with the result.</summary>
    public required TReference Reference { get; init; }
}

/// <summary>Creates <see cref="LmRequest{TReference}"/>s.</summary>
public static class LmRequest
{
    /// <summary>A completion request for <paramref name="prompt"/>.</summary>
    public static LmRequest<TReference> Completion<TReference>(
        string prompt, TReference reference, GenerationOptions? overrides = null) =>
        new() { Prompt = prompt, Method = LmMethod.Completion, Reference = reference, Overrides = overrides };

    /// <summary>A chat request for <paramref name="messages"/>.</summary>
    public static LmRequest<TReference> Chat<TReference>(
        IReadOnlyList<ChatMessage> messages, TReference reference, GenerationOptions? overrides = null) =>
        new() { Messages = messages, Method = LmMethod.ChatCompletion, Reference = reference, Overrides = overrides };
}

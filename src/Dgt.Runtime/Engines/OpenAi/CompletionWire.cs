namespace Dgt.Runtime.Engines.OpenAi;

// The JSON of /v1/completions, as far as the engine uses it. Unset options are left out of the request, so the
// server's own defaults apply.

/// <summary>A <c>/v1/completions</c> request.</summary>
internal sealed record CompletionRequest
{
    public required string Model { get; init; }

    public required string Prompt { get; init; }

    public int? MaxTokens { get; init; }

    public double? Temperature { get; init; }

    public double? TopP { get; init; }

    public int? Seed { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    public int? N { get; init; }

    public bool Stream { get; init; }

    public StreamOptions? StreamOptions { get; init; }
}

/// <summary>Asks a streaming server to send the usage in a last event.</summary>
internal sealed record StreamOptions(bool IncludeUsage);

/// <summary>A completion reply, or one event of a streamed one.</summary>
internal sealed record CompletionResponse
{
    public IReadOnlyList<CompletionChoice>? Choices { get; init; }

    public CompletionUsage? Usage { get; init; }
}

/// <summary>One choice of a completion reply.</summary>
internal sealed record CompletionChoice
{
    public string? Text { get; init; }

    public int Index { get; init; }

    public string? FinishReason { get; init; }
}

/// <summary>The token counts of a completion reply.</summary>
internal sealed record CompletionUsage
{
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }
}

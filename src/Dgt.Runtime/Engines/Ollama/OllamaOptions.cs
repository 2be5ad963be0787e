namespace Dgt.Engines.Ollama;

/// <summary>The options of a <c>type: ollama</c> block, bound from its builder YAML entry (snake_case keys).</summary>
public sealed record OllamaOptions
{
    /// <summary>The model every request goes to, as <c>ollama list</c> names it (for example <c>mistral-small3.2</c>).</summary>
    public required string ModelIdOrPath { get; init; }

    /// <summary>The Ollama server; when unset, <c>OLLAMA_HOST</c>, else <c>http://localhost:11434</c>.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Sampling temperature.</summary>
    [ConfigRange(0, 2)]
    public double? Temperature { get; init; }

    /// <summary>The most tokens to generate (Ollama's <c>num_predict</c>).</summary>
    [ConfigKey("max_tokens", "max_new_tokens", "num_predict", "max_completion_tokens")]
    [ConfigRange(1, int.MaxValue)]
    public int? MaxTokens { get; init; }

    /// <summary>Nucleus sampling mass.</summary>
    [ConfigRange(0, 1)]
    public double? TopP { get; init; }

    /// <summary>Sampling seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Strings that end generation.</summary>
    [ConfigKey("stop", "stop_sequences")]
    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>
    /// Replies per input: each is a request of its own (seeded ones with seed + i, so they differ), and the builder gets
    /// them all in the result's <c>Texts</c>.
    /// </summary>
    [ConfigRange(1, 128)]
    public int N { get; init; } = 1;

    /// <summary>The context window the server should load the model with.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? NumCtx { get; init; }

    /// <summary>
    /// The most requests in flight at once. Blocks that use the same server share its limit (the lowest of theirs),
    /// which is lowered at run time while the server answers 429 or slows down, and raised again as it copes.
    /// </summary>
    [ConfigRange(1, 1024)]
    public int CallLimit { get; init; } = 10;

    /// <summary>The most requests sent to the server per minute, shared by every block that uses it; unlimited when unset.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? MaxRpm { get; init; }

    /// <summary>The most tokens (prompt and completion, as estimated then reported) per minute on the server; unlimited when unset.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? MaxTpm { get; init; }

    /// <summary>
    /// A SQLite file that stores every reply, so a rerun with the same inputs sends no request; when unset,
    /// <c>DGT_LM_CACHE</c> (the run's <c>--lm-cache</c>), else no cache.
    /// </summary>
    public string? LmCache { get; init; }

    /// <summary>Seconds one HTTP attempt may take, reading the whole reply included.</summary>
    [ConfigRange(0.001, 86400)]
    public double Timeout { get; init; } = 300;

    /// <summary>Retries of a transient failure before the request is given up as failed.</summary>
    [ConfigRange(0, 20)]
    public int MaxRetries { get; init; } = 5;

    /// <summary>Whether to ask the server for a streamed (NDJSON) reply.</summary>
    public bool Stream { get; init; }

    /// <summary>The sampling options every request starts from.</summary>
    internal GenerationOptions ToGenerationOptions() => new()
    {
        Temperature = Temperature,
        MaxTokens = MaxTokens,
        TopP = TopP,
        Seed = Seed,
        Stop = Stop,
        N = N,
    };
}

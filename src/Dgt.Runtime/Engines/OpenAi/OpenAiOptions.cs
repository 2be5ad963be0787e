namespace Dgt.Engines.OpenAi;

/// <summary>The options of a <c>type: openai</c> (or <c>vllm-remote</c>) block, bound from its builder YAML entry (snake_case keys).</summary>
public sealed record OpenAiOptions
{
    /// <summary>The model every request goes to, as the server's <c>/v1/models</c> names it.</summary>
    public required string ModelIdOrPath { get; init; }

    /// <summary>
    /// The API's base address, usually ending in <c>/v1</c> (for example <c>http://gpu-node:8000/v1</c>); when unset,
    /// <c>OPENAI_BASE_URL</c>, else <c>https://api.openai.com/v1</c>. The key is never set here: it is read from
    /// <c>OPENAI_API_KEY</c> only, and a local server may need none.
    /// </summary>
    public string? BaseUrl { get; init; }

    /// <summary>Sampling temperature.</summary>
    [ConfigRange(0, 2)]
    public double? Temperature { get; init; }

    /// <summary>The most tokens to generate (sent as <c>max_tokens</c> for completion, <c>max_completion_tokens</c> for chat).</summary>
    [ConfigKey("max_tokens", "max_new_tokens", "max_completion_tokens", "num_predict")]
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

    /// <summary>
    /// The most requests in flight at once. Blocks that use the same endpoint and key share its limit (the lowest of
    /// theirs), which is lowered at run time while the server answers 429 or slows down, and raised again as it copes.
    /// </summary>
    [ConfigRange(1, 1024)]
    public int CallLimit { get; init; } = 10;

    /// <summary>The most requests per minute to the endpoint, shared by every block that uses it and its key; unlimited when unset.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? MaxRpm { get; init; }

    /// <summary>The most tokens (prompt and completion, as estimated then reported) per minute to the endpoint; unlimited when unset.</summary>
    [ConfigRange(1, int.MaxValue)]
    public int? MaxTpm { get; init; }

    /// <summary>Seconds one HTTP attempt may take, reading the whole reply included.</summary>
    [ConfigRange(0.001, 86400)]
    public double Timeout { get; init; } = 300;

    /// <summary>Retries of a transient failure before the request is given up as failed.</summary>
    [ConfigRange(0, 20)]
    public int MaxRetries { get; init; } = 5;

    /// <summary>Whether to ask the server for a streamed (server-sent events) reply.</summary>
    public bool Stream { get; init; }

    /// <summary>
    /// A SQLite file that stores every reply, so a rerun with the same inputs sends no request; when unset,
    /// <c>DGT_LM_CACHE</c> (the run's <c>--lm-cache</c>), else no cache.
    /// </summary>
    public string? LmCache { get; init; }

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

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// The options every HTTP engine block takes (snake_case keys in its builder YAML): the model, sampling, flow control,
/// the response cache and how each attempt is bounded. Each engine's record adds what only it has, such as where its
/// server is found.
/// </summary>
public abstract record HttpEngineOptions
{
    /// <summary>
    /// The model every request goes to, as the server names it (<c>ollama list</c> for Ollama, for example
    /// <c>mistral-small3.2</c>; <c>/v1/models</c> for an OpenAI-compatible API).
    /// </summary>
    public required string ModelIdOrPath { get; init; }

    /// <summary>Sampling temperature.</summary>
    [ConfigRange(0, 2)]
    public double? Temperature { get; init; }

    /// <summary>
    /// The most tokens to generate: Ollama's <c>num_predict</c>; to an OpenAI-compatible API it is sent as
    /// <c>max_tokens</c> for completion, <c>max_completion_tokens</c> for chat.
    /// </summary>
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

    /// <summary>
    /// The most requests in flight at once. Blocks that use the same endpoint (for an OpenAI-compatible API, the same
    /// endpoint and key) share its limit (the lowest of theirs), which is lowered at run time while the server answers
    /// 429 or slows down, and raised again as it copes.
    /// </summary>
    [ConfigRange(1, 1024)]
    public int CallLimit { get; init; } = 10;

    /// <summary>
    /// The most requests per minute to the endpoint, shared by every block that uses it (and, for an OpenAI-compatible
    /// API, its key); unlimited when unset.
    /// </summary>
    [ConfigRange(1, int.MaxValue)]
    public int? MaxRpm { get; init; }

    /// <summary>The most tokens (prompt and completion, as estimated then reported) per minute to the endpoint; unlimited when unset.</summary>
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

    /// <summary>
    /// Whether to ask the server for a streamed reply (NDJSON from Ollama, server-sent events from an
    /// OpenAI-compatible API).
    /// </summary>
    public bool Stream { get; init; }

    /// <summary>
    /// The most bytes one reply may carry (its body as sent, streamed or whole); a larger one fails its request,
    /// unread past the limit. When unset: 64 KiB plus 1 KiB per <c>max_tokens</c> token (room for a stream's
    /// framing around every token), or 16 MiB without <c>max_tokens</c>.
    /// </summary>
    [ConfigRange(1024, int.MaxValue)]
    public int? MaxReplyBytes { get; init; }

    /// <summary>The reply size limit in force (see <see cref="MaxReplyBytes"/>).</summary>
    internal long ReplyByteLimit => MaxReplyBytes ?? (MaxTokens is { } tokens ? 64 * 1024 + (1024L * tokens) : 16 * 1024 * 1024);

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

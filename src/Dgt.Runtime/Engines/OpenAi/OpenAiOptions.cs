using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// The options of a <c>type: openai</c> (or <c>vllm-remote</c>) block, bound from its builder YAML entry (snake_case
/// keys): those of every HTTP engine (<see cref="HttpEngineOptions"/>), and where the API is.
/// </summary>
public sealed record OpenAiOptions : HttpEngineOptions
{
    /// <summary>
    /// The API's base address, usually ending in <c>/v1</c> (for example <c>http://gpu-node:8000/v1</c>); when unset,
    /// <c>OPENAI_BASE_URL</c>, else <c>https://api.openai.com/v1</c>. The key is never set here: it is read from
    /// <c>OPENAI_API_KEY</c> only, and a local server may need none.
    /// </summary>
    public string? BaseUrl { get; init; }
}

using Dgt.Runtime.Engines.Calls;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// What stops a run of an <c>openai</c> block, naming the settings of an OpenAI-compatible API; never the key (a
/// refused key is often quoted back in part by the server, and these messages are not built from its reply).
/// </summary>
internal sealed class OpenAiFailureMessages(string url, string model, string blockName, bool hasKey)
    : EngineFailureMessages(url, model, blockName)
{
    // OpenAI: "The model `x` does not exist or you do not have access to it." (code model_not_found);
    // vLLM: "The model `x` does not exist."; others: "model 'x' not found".
    public static bool BlamesModel(string? serverError) => SaysModelIsMissing(serverError, "not exist", "not found");

    protected override string Unreachable(string reason) =>
        $"No OpenAI-compatible server answered at {Url} ({reason}) for model '{Model}'. Start the server, " +
        $"set {OpenAiEndpoint.BaseUrlVariable}, or set base_url on block '{BlockName}'.";

    protected override string ModelNotFound() =>
        $"The server at {Url} has no model '{Model}'. Change model_id_or_path on block '{BlockName}' to one that " +
        $"{Url}/models lists.";

    protected override string WrongServer() =>
        $"The server at {Url} answered 404 Not Found to the OpenAI API for model '{Model}': it does not look like an " +
        $"OpenAI-compatible API. Check base_url on block '{BlockName}' (or {OpenAiEndpoint.BaseUrlVariable}): it usually ends in /v1.";

    protected override string Unauthorized(string reason) => hasKey
        ? $"The server at {Url} refused the key for model '{Model}' ({reason}). Set {OpenAiEndpoint.ApiKeyVariable} " +
          "to a key this server accepts for that model."
        : $"The server at {Url} asks for a key for model '{Model}' ({reason}), and none is set. Set " +
          $"{OpenAiEndpoint.ApiKeyVariable} in the environment (keys are never read from the YAML).";
}

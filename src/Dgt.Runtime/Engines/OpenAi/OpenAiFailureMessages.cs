using System.Globalization;
using Dgt.Engines.Calls;

namespace Dgt.Engines.OpenAi;

/// <summary>
/// The messages that stop a run: each names the address, the model and the fix. They are built from the
/// classification only, never from a response body (a refused key is often quoted back in part), and never hold the key.
/// </summary>
internal sealed class OpenAiFailureMessages(string url, string model, string blockName, bool hasKey) : IEngineFailureMessages
{
    public string Permanent(EngineFailure failure) => failure.Kind switch
    {
        EngineFailureKind.Unreachable =>
            $"No OpenAI-compatible server answered at {url} ({failure.Reason}) for model '{model}'. Start the server, " +
            $"set {OpenAiEndpoint.BaseUrlVariable}, or set base_url on block '{blockName}'.",
        EngineFailureKind.ModelNotFound =>
            $"The server at {url} has no model '{model}'. Change model_id_or_path on block '{blockName}' to one that " +
            $"{url}/models lists.",
        EngineFailureKind.WrongServer =>
            $"The server at {url} answered 404 Not Found to the OpenAI API for model '{model}': it does not look like an " +
            $"OpenAI-compatible API. Check base_url on block '{blockName}' (or {OpenAiEndpoint.BaseUrlVariable}): it usually ends in /v1.",
        EngineFailureKind.Unauthorized when hasKey =>
            $"The server at {url} refused the key for model '{model}' ({failure.Reason}). Set {OpenAiEndpoint.ApiKeyVariable} " +
            "to a key this server accepts for that model.",
        EngineFailureKind.Unauthorized =>
            $"The server at {url} asks for a key for model '{model}' ({failure.Reason}), and none is set. Set " +
            $"{OpenAiEndpoint.ApiKeyVariable} in the environment (keys are never read from the YAML).",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Not a permanent failure."),
    };

    public string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"no complete reply from {url} within {timeout.TotalSeconds:0.###} s");

    // OpenAI: "The model `x` does not exist or you do not have access to it." (code model_not_found);
    // vLLM: "The model `x` does not exist."; others: "model 'x' not found".
    public static bool BlamesModel(string? serverError) =>
        serverError is not null
        && serverError.Contains("model", StringComparison.OrdinalIgnoreCase)
        && (serverError.Contains("not exist", StringComparison.OrdinalIgnoreCase)
            || serverError.Contains("not found", StringComparison.OrdinalIgnoreCase));
}

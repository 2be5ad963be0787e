using System.Globalization;
using Dgt.Engines.Calls;

namespace Dgt.Engines.Ollama;

/// <summary>
/// The messages that stop a run: each names the address tried, the model and the fix. They are built from the
/// classification only, never from a response body that could echo a credential.
/// </summary>
internal sealed class OllamaFailureMessages(string url, string model, string blockName) : IEngineFailureMessages
{
    public string Permanent(EngineFailure failure) => failure.Kind switch
    {
        EngineFailureKind.Unreachable =>
            $"No Ollama server answered at {url} ({failure.Reason}) for model '{model}'. Start it with 'ollama serve', " +
            $"set OLLAMA_HOST, or set base_url on block '{blockName}'.",
        EngineFailureKind.ModelNotFound =>
            $"The model '{model}' is not on the Ollama server at {url}. Pull it with 'ollama pull {model}' or change " +
            $"model_id_or_path on block '{blockName}'.",
        EngineFailureKind.WrongServer =>
            $"The server at {url} answered 404 Not Found to the Ollama API for model '{model}': it does not look like " +
            $"an Ollama server. Check base_url on block '{blockName}' or OLLAMA_HOST.",
        EngineFailureKind.Unauthorized =>
            $"The server at {url} refused the request for model '{model}' ({failure.Reason}). Ollama itself asks for " +
            $"no credentials: check the proxy in front of it, or set base_url on block '{blockName}' to a server you may use.",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Not a permanent failure."),
    };

    public string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"no complete reply from {url} within {timeout.TotalSeconds:0.###} s");

    // Ollama says "model 'x' not found" (older servers: "model \"x\" not found, try pulling it first").
    public static bool BlamesModel(string? serverError) =>
        serverError is not null
        && serverError.Contains("model", StringComparison.OrdinalIgnoreCase)
        && serverError.Contains("not found", StringComparison.OrdinalIgnoreCase);
}

using Dgt.Runtime.Engines.Calls;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>What stops a run of an <c>ollama</c> block, in the words of Ollama's own commands and settings.</summary>
internal sealed class OllamaFailureMessages(string url, string model, string blockName)
    : EngineFailureMessages(url, model, blockName)
{
    // Ollama says "model 'x' not found" (older servers: "model \"x\" not found, try pulling it first").
    public static bool BlamesModel(string? serverError) => SaysModelIsMissing(serverError, "not found");

    protected override string Unreachable(string reason) =>
        $"No Ollama server answered at {Url} ({reason}) for model '{Model}'. Start it with 'ollama serve', " +
        $"set OLLAMA_HOST, or set base_url on block '{BlockName}'.";

    protected override string ModelNotFound() =>
        $"The model '{Model}' is not on the Ollama server at {Url}. Pull it with 'ollama pull {Model}' or change " +
        $"model_id_or_path on block '{BlockName}'.";

    protected override string WrongServer() =>
        $"The server at {Url} answered 404 Not Found to the Ollama API for model '{Model}': it does not look like " +
        $"an Ollama server. Check base_url on block '{BlockName}' or OLLAMA_HOST.";

    protected override string Unauthorized(string reason) =>
        $"The server at {Url} refused the request for model '{Model}' ({reason}). Ollama itself asks for " +
        $"no credentials: check the proxy in front of it, or set base_url on block '{BlockName}' to a server you may use.";
}

namespace Dgt.Engines.Ollama;

/// <summary>What a failed attempt means for the request and for the run.</summary>
internal enum OllamaFailureKind
{
    /// <summary>Worth another attempt: reset, timeout, 429, 5xx, a cut or malformed body.</summary>
    Transient,

    /// <summary>This request cannot succeed as sent (a 400 for instance); others may, so it fails alone, unretried.</summary>
    Rejected,

    /// <summary>No server at the address (refused, unknown host) before any call there ever succeeded.</summary>
    Unreachable,

    /// <summary>The server does not have the model.</summary>
    ModelNotFound,

    /// <summary>The address answers, but not as an Ollama server (404 for the API path).</summary>
    NotOllama,

    /// <summary>The server (or a proxy in front of it) refused us: 401 or 403.</summary>
    Unauthorized,
}

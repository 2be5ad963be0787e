namespace Dgt.Runtime.Engines.Calls;

/// <summary>What a failed attempt means for the request and for the run.</summary>
internal enum EngineFailureKind
{
    /// <summary>Worth another attempt: reset, timeout, 5xx, a cut or malformed body.</summary>
    Transient,

    /// <summary>The server asked us to slow down (429): worth another attempt, and a sign to send less at once.</summary>
    Throttled,

    /// <summary>This request cannot succeed as sent (a 400 for instance); others may, so it fails alone, unretried.</summary>
    Rejected,

    /// <summary>No server at the address (refused, unknown host) before any call there ever succeeded.</summary>
    Unreachable,

    /// <summary>The server does not have the model.</summary>
    ModelNotFound,

    /// <summary>The address answers, but not with the API the engine speaks (404 for the API path).</summary>
    WrongServer,

    /// <summary>The server (or a proxy in front of it) refused us: 401 or 403.</summary>
    Unauthorized,
}

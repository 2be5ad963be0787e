namespace Dgt.Engines.Ollama;

/// <summary>A classified failure of one attempt: its kind, what happened in a few words, and the wait asked for.</summary>
internal sealed record OllamaFailure(OllamaFailureKind Kind, string Reason, TimeSpan? RetryAfter = null)
{
    /// <summary>Whether retrying may help.</summary>
    public bool IsTransient => Kind == OllamaFailureKind.Transient;

    /// <summary>Whether the run must stop: no other request to this engine can succeed either.</summary>
    public bool IsPermanent => Kind is not (OllamaFailureKind.Transient or OllamaFailureKind.Rejected);
}

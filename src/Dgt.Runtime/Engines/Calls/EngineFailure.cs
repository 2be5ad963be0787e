namespace Dgt.Runtime.Engines.Calls;

/// <summary>A classified failure of one attempt: its kind, what happened in a few words, and the wait asked for.</summary>
internal sealed record EngineFailure(EngineFailureKind Kind, string Reason, TimeSpan? RetryAfter = null)
{
    /// <summary>Whether retrying may help.</summary>
    public bool IsTransient => Kind is EngineFailureKind.Transient or EngineFailureKind.Throttled;

    /// <summary>Whether the run must stop: no other request to this engine can succeed either.</summary>
    public bool IsPermanent => Kind is not (EngineFailureKind.Transient or EngineFailureKind.Throttled or EngineFailureKind.Rejected);
}

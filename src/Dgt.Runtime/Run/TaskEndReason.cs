namespace Dgt.Runtime.Run;

/// <summary>Why a task left the loop.</summary>
public enum TaskEndReason
{
    /// <summary>Still running.</summary>
    None,

    /// <summary>It has its rows.</summary>
    Completed,

    /// <summary>Too many attempts in a row gave it nothing.</summary>
    Stalled,

    /// <summary>It used up <c>max_gen_requests</c>.</summary>
    Capped,
}

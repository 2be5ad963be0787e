namespace Dgt.Engines.Calls;

/// <summary>An engine's words for failures: each permanent one names the address, the model and the fix.</summary>
internal interface IEngineFailureMessages
{
    /// <summary>The message that stops the run.</summary>
    string Permanent(EngineFailure failure);

    /// <summary>Why an attempt that ran out of time failed.</summary>
    string TimedOut(TimeSpan timeout);
}

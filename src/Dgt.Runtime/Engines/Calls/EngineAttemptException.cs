namespace Dgt.Runtime.Engines.Calls;

/// <summary>Carries the classification of a failed attempt through the retry pipeline, with the original cause inside.</summary>
internal sealed class EngineAttemptException(EngineFailure failure, Exception cause)
    : Exception(failure.Reason, cause)
{
    public EngineFailure Failure { get; } = failure;
}

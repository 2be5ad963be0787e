namespace Dgt.Engines.Ollama;

/// <summary>Carries the classification of a failed attempt through the retry pipeline, with the original cause inside.</summary>
internal sealed class OllamaAttemptException(OllamaFailure failure, Exception cause)
    : Exception(failure.Reason, cause)
{
    public OllamaFailure Failure { get; } = failure;
}

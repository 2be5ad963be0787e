namespace Dgt.Runtime.Run;

/// <summary>A failure of the run that is not a bug: unreadable earlier output, a full disk. The message says what to do.</summary>
public sealed class RunFailureException(string message, Exception? inner = null) : Exception(message, inner);

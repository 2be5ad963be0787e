namespace Dgt.Runtime.Run;

/// <summary>
/// Every request of several attempts in a row failed after its retries: the run stops with the reason instead of
/// quietly stalling, since no attempt can succeed until the server or the configuration is fixed.
/// </summary>
public sealed class AllRequestsFailedException(string message) : Exception(message);

namespace Dgt;

/// <summary>
/// Admits an engine's calls to its endpoint. The default gate allows a fixed number at once; an engine may pass one
/// that is shared with other blocks using the same endpoint and that adapts its limit to how the endpoint copes.
/// </summary>
public interface ILmCallGate
{
    /// <summary>Waits until one more call may run; disposing the returned lease lets the next one in.</summary>
    ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken);
}

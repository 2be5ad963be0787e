namespace Dgt;

/// <summary>At most a fixed number of calls at once, admitted in arrival order.</summary>
internal sealed class FixedCallGate : ILmCallGate
{
    private readonly SemaphoreSlim _slots;
    private readonly Lease _lease;

    public FixedCallGate(int limit)
    {
        _slots = new SemaphoreSlim(limit, limit);
        _lease = new Lease(_slots);
    }

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        return _lease;
    }

    // Releasing a semaphore needs no per-call state, so one lease object serves every call.
    private sealed class Lease(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}

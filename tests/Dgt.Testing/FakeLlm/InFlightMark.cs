namespace Dgt.Testing.FakeLlm;

/// <summary>
/// A generation request counted as in flight on the fake server. It leaves just before the response's last bytes are
/// written (or the connection is reset): a client cannot see its request finish before that, so the server's count
/// never exceeds what the client has in flight, however late the handler runs after writing. Leaving twice counts once.
/// </summary>
internal sealed class InFlightMark
{
    private readonly FakeRequestLog _log;
    private int _left;

    public InFlightMark(FakeRequestLog log)
    {
        _log = log;
        log.Entered();
    }

    public void Leave()
    {
        if (Interlocked.Exchange(ref _left, 1) == 0)
        {
            _log.Left();
        }
    }
}

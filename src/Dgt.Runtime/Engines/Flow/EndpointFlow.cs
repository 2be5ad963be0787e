namespace Dgt.Runtime.Engines.Flow;

/// <summary>
/// Flow control of one endpoint: how many calls may be in flight (adapted at run time under the blocks' call limit) and,
/// when set, how many requests and tokens may be spent per minute.
/// <para>
/// The concurrency limit follows AIMD, as TCP does: it is halved when the server says 429 or when replies slow to
/// well above their usual pace, at most once per round trip so one burst of refusals counts once; it grows by one
/// after a limit's worth of successes in a row. Calls are admitted in arrival order.
/// </para>
/// </summary>
internal sealed class EndpointFlow : ILmCallGate
{
    // A reply this many times slower per generated token than the best pace seen means the server is queueing.
    private const double SlowdownFactor = 3.0;

    // Below this round trip, latency mostly measures the local machine (scheduling, a busy CPU), not the endpoint's
    // load: only LLM-scale calls may shrink the limit by latency.
    private const double SlowdownMinimumRoundTripSeconds = 0.25;
    private const int LatencyWarmUp = 10;
    private const double LatencySmoothing = 0.1;
    // The baseline creeps toward the current pace, so a pace that stays higher (longer prompts, a busier shared
    // server) becomes the new normal instead of holding the limit down for ever.
    private const double BaselineDrift = 0.01;

    private readonly object _lock = new();
    private readonly LinkedList<TaskCompletionSource<IDisposable>> _waiters = new();
    private readonly TimeProvider _time;
    private readonly Lease _lease;
    private int _ceiling = int.MaxValue;
    private double _limit = double.MaxValue;
    private int _lowestLimit = int.MaxValue;
    private int _inFlight;
    private int _peakInFlight;
    private int _successesSinceGrowth;
    private long _lastDecrease;
    private double _roundTripSeconds;
    private double _secondsPerToken;
    private double _baselineSecondsPerToken;
    private int _latencySamples;
    private RateBucket? _requests;
    private RateBucket? _tokens;

    public EndpointFlow(TimeProvider time)
    {
        _time = time;
        _lease = new Lease(this);
        _lastDecrease = time.GetTimestamp();
    }

    /// <summary>The most calls admitted at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return CurrentLimit;
            }
        }
    }

    /// <summary>The lowest the limit has been.</summary>
    public int LowestLimit => Volatile.Read(ref _lowestLimit);

    /// <summary>The ceiling: the lowest call limit of the blocks sharing the endpoint.</summary>
    public int Ceiling => Volatile.Read(ref _ceiling);

    /// <summary>Calls in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The most calls that were in flight at once.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>The requests-per-minute budget, when one is set.</summary>
    public int? MaxRequestsPerMinute => _requests?.PerMinute;

    /// <summary>The tokens-per-minute budget, when one is set.</summary>
    public int? MaxTokensPerMinute => _tokens?.PerMinute;

    private int CurrentLimit => (int)Math.Min(_ceiling, Math.Max(1, Math.Floor(_limit)));

    /// <summary>Takes one more block's settings into account (see <see cref="FlowRegistry.Join"/>).</summary>
    public void Accept(FlowSettings settings)
    {
        lock (_lock)
        {
            var starting = _ceiling == int.MaxValue;
            _ceiling = Math.Min(_ceiling, settings.CallLimit);
            _limit = starting ? _ceiling : Math.Min(_limit, _ceiling);
            _lowestLimit = Math.Min(_lowestLimit, CurrentLimit);
            _requests = Lower(_requests, settings.MaxRequestsPerMinute, burstRefills: 1);
            // Ten seconds' worth of tokens, so one large request fits in a single wait.
            _tokens = Lower(_tokens, settings.MaxTokensPerMinute, burstRefills: 100);
        }
    }

    /// <inheritdoc />
    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<IDisposable> waiter;
        LinkedListNode<TaskCompletionSource<IDisposable>> node;
        lock (_lock)
        {
            if (_waiters.Count == 0 && _inFlight < CurrentLimit)
            {
                Admit();
                return ValueTask.FromResult<IDisposable>(_lease);
            }

            waiter = new TaskCompletionSource<IDisposable>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        return WaitAsync(node, cancellationToken);
    }

    /// <summary>Waits until the endpoint's rate limits allow one more request of about <paramref name="estimatedTokens"/> tokens.</summary>
    public async ValueTask WaitForRateAsync(int estimatedTokens, CancellationToken cancellationToken)
    {
        if (_requests is { } requests)
        {
            await requests.SpendAsync(1, cancellationToken).ConfigureAwait(false);
        }

        if (_tokens is { } tokens)
        {
            await tokens.SpendAsync(estimatedTokens, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>A request succeeded after <paramref name="elapsed"/>, with this usage.</summary>
    public void OnSuccess(TimeSpan elapsed, TokenUsage usage, int estimatedTokens)
    {
        _tokens?.Charge((int)Math.Min(int.MaxValue, usage.PromptTokens + usage.CompletionTokens - estimatedTokens));
        lock (_lock)
        {
            NoteRoundTrip(elapsed);
            if (NoteSlowdown(elapsed.TotalSeconds / (usage.CompletionTokens + 1)) && _roundTripSeconds >= SlowdownMinimumRoundTripSeconds)
            {
                Decrease();
                return;
            }

            if (++_successesSinceGrowth >= CurrentLimit && CurrentLimit < _ceiling)
            {
                _limit = CurrentLimit + 1;
                _successesSinceGrowth = 0;
                GrantWaiting();
            }
        }
    }

    /// <summary>The server answered 429 after <paramref name="elapsed"/>.</summary>
    public void OnThrottled(TimeSpan elapsed)
    {
        lock (_lock)
        {
            NoteRoundTrip(elapsed);
            Decrease();
        }
    }

    private void Decrease()
    {
        _successesSinceGrowth = 0;
        // Calls already in flight were sent at the old limit: their refusals say nothing new about the halved one.
        if (_time.GetElapsedTime(_lastDecrease).TotalSeconds < _roundTripSeconds)
        {
            return;
        }

        _limit = Math.Max(1, CurrentLimit / 2);
        _lastDecrease = _time.GetTimestamp();
        _lowestLimit = Math.Min(_lowestLimit, CurrentLimit);
    }

    private void NoteRoundTrip(TimeSpan elapsed) =>
        _roundTripSeconds = _roundTripSeconds == 0
            ? elapsed.TotalSeconds
            : _roundTripSeconds + LatencySmoothing * (elapsed.TotalSeconds - _roundTripSeconds);

    private bool NoteSlowdown(double secondsPerToken)
    {
        _latencySamples++;
        _secondsPerToken = _latencySamples == 1
            ? secondsPerToken
            : _secondsPerToken + LatencySmoothing * (secondsPerToken - _secondsPerToken);
        if (_latencySamples < LatencyWarmUp)
        {
            return false;
        }

        _baselineSecondsPerToken = _baselineSecondsPerToken == 0 || _secondsPerToken < _baselineSecondsPerToken
            ? _secondsPerToken
            : _baselineSecondsPerToken + BaselineDrift * (_secondsPerToken - _baselineSecondsPerToken);
        return _secondsPerToken > SlowdownFactor * _baselineSecondsPerToken;
    }

    private async ValueTask<IDisposable> WaitAsync(LinkedListNode<TaskCompletionSource<IDisposable>> node, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() => Abandon(node, cancellationToken)).ConfigureAwait(false);
        return await node.Value.Task.ConfigureAwait(false);
    }

    private void Abandon(LinkedListNode<TaskCompletionSource<IDisposable>> node, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (node.List is null)
            {
                return; // Already admitted: the caller releases the slot when it sees the cancellation.
            }

            _waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }

    private void Release()
    {
        lock (_lock)
        {
            _inFlight--;
            GrantWaiting();
        }
    }

    private void GrantWaiting()
    {
        while (_waiters.First is { } first && _inFlight < CurrentLimit)
        {
            _waiters.RemoveFirst();
            Admit();
            // Continuations run asynchronously, so completing under the lock runs no caller code here.
            first.Value.TrySetResult(_lease);
        }
    }

    private void Admit()
    {
        _inFlight++;
        if (_inFlight > _peakInFlight)
        {
            _peakInFlight = _inFlight;
        }
    }

    private static RateBucket? Lower(RateBucket? current, int? perMinute, int burstRefills)
    {
        if (perMinute is not { } asked || (current is not null && current.PerMinute <= asked))
        {
            return current;
        }

        // Replaced only while blocks are being created, before any request waits on it.
        current?.Dispose();
        return new RateBucket(asked, burstRefills);
    }

    // Releasing a slot needs no per-call state, so one lease object serves every call.
    private sealed class Lease(EndpointFlow flow) : IDisposable
    {
        public void Dispose() => flow.Release();
    }
}

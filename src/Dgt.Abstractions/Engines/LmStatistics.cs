namespace Dgt;

/// <summary>Running totals of one engine, safe to update from concurrent requests.</summary>
public sealed class LmStatistics
{
    private long _requests;
    private long _failures;
    private string? _lastFailure;
    private long _httpAttempts;
    private long _promptTokens;
    private long _completionTokens;
    private long _cacheHits;
    private int _concurrencyLimit;
    private int _lowestConcurrencyLimit;
    private int _peakInFlight;
    private int _inFlight;

    /// <summary>Requests finished (succeeded, failed or answered from the cache).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that failed after their retries.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Why the most recent failed request failed, or null.</summary>
    public string? LastFailure => Volatile.Read(ref _lastFailure);

    /// <summary>HTTP attempts made, retries included (a cache hit makes none).</summary>
    public long HttpAttempts => Interlocked.Read(ref _httpAttempts);

    /// <summary>Prompt tokens the server reported for the requests it answered in this run (cache hits excluded).</summary>
    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    /// <summary>Completion tokens the server reported for the requests it answered in this run (cache hits excluded).</summary>
    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    /// <summary>Requests answered from the response cache, without a request to the server.</summary>
    public long CacheHits => Interlocked.Read(ref _cacheHits);

    /// <summary>
    /// The concurrency limit in force when a request last finished (below the block's <c>call_limit</c> while the
    /// endpoint is being spared); 0 until a request finished through a gate that reports it.
    /// </summary>
    public int ConcurrencyLimit => Volatile.Read(ref _concurrencyLimit);

    /// <summary>The lowest concurrency limit seen when a request finished (0 until one did): how far the endpoint was spared.</summary>
    public int LowestConcurrencyLimit => Volatile.Read(ref _lowestConcurrencyLimit);

    /// <summary>The most requests seen in flight at once on the endpoint, as its gate reported.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Calls of this engine being sent now (admitted by the gate, not yet answered).</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    internal void CallStarted() => Interlocked.Increment(ref _inFlight);

    internal void CallEnded() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Adds one finished request.</summary>
    public void Record(LmReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _httpAttempts, reply.Attempts);
        if (reply.Failure is not null)
        {
            Interlocked.Increment(ref _failures);
            Volatile.Write(ref _lastFailure, reply.Failure);
        }

        if (reply.Cached)
        {
            // The tokens were paid for in the run that filled the cache.
            Interlocked.Increment(ref _cacheHits);
            return;
        }

        Interlocked.Add(ref _promptTokens, reply.Usage.PromptTokens);
        Interlocked.Add(ref _completionTokens, reply.Usage.CompletionTokens);
    }

    /// <summary>Notes the endpoint's current concurrency limit and how many requests it has in flight.</summary>
    public void RecordConcurrency(int limit, int inFlight)
    {
        Volatile.Write(ref _concurrencyLimit, limit);
        for (var lowest = Volatile.Read(ref _lowestConcurrencyLimit); lowest == 0 || limit < lowest; lowest = Volatile.Read(ref _lowestConcurrencyLimit))
        {
            if (Interlocked.CompareExchange(ref _lowestConcurrencyLimit, limit, lowest) == lowest)
            {
                break;
            }
        }

        for (var peak = Volatile.Read(ref _peakInFlight); inFlight > peak; peak = Volatile.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) == peak)
            {
                break;
            }
        }
    }
}

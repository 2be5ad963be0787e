namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// How long to wait before a retry: exponential backoff with full jitter (a uniform draw between zero and
/// <c>min(MaxDelay, BaseDelay·2ⁿ)</c>), so many requests failing together do not come back together; a server's
/// <c>Retry-After</c> wins over the draw. Tests shrink the delays to milliseconds.
/// </summary>
internal sealed record RetryBackoff
{
    /// <summary>The production delays: a 0.5 s base, capped at 30 s; a Retry-After is honoured up to 5 minutes.</summary>
    public static RetryBackoff Default { get; } = new();

    /// <summary>The ceiling of the first retry's draw.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The largest ceiling, however many retries came before.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest <c>Retry-After</c> honoured as given: a server asking for more gets this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A uniform draw in [0, 1); injectable so tests can pin it.</summary>
    public Func<double> Draw { get; init; } = Random.Shared.NextDouble;

    /// <summary>The wait before retry number <paramref name="retry"/> (0 for the first).</summary>
    public TimeSpan DelayBefore(int retry, TimeSpan? retryAfter)
    {
        if (retryAfter is { } asked)
        {
            return asked < MaxRetryAfter ? asked : MaxRetryAfter;
        }

        // 2^retry overflows nothing below 2^62 ticks; the cap is reached long before.
        var ceilingTicks = Math.Min(MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, Math.Min(retry, 40)));
        return TimeSpan.FromTicks((long)(Draw() * ceilingTicks));
    }
}

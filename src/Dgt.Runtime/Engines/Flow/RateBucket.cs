using System.Threading.RateLimiting;

namespace Dgt.Runtime.Engines.Flow;

/// <summary>
/// A per-minute budget (requests or tokens) spent evenly: a token bucket refilled every 100 ms or so, holding one
/// refill at most, so a minute never sees much more than the budget and there is no burst at the start of each minute.
/// </summary>
internal sealed class RateBucket : IDisposable
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private readonly TokenBucketRateLimiter _bucket;

    public RateBucket(int perMinute, int burstRefills = 1)
    {
        PerMinute = perMinute;
        // Refill in steps of a tenth of a second's worth, or one unit at a time when the budget is smaller.
        var perRefill = (int)Math.Ceiling(perMinute / 600.0);
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perRefill * burstRefills,
            TokensPerPeriod = perRefill,
            ReplenishmentPeriod = Minute * perRefill / perMinute,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        Capacity = perRefill * burstRefills;
    }

    public int PerMinute { get; }

    /// <summary>The most that one wait can take at once.</summary>
    public int Capacity { get; }

    /// <summary>Waits until <paramref name="amount"/> (capped at the capacity) is available, and spends it.</summary>
    public async ValueTask SpendAsync(int amount, CancellationToken cancellationToken)
    {
        using var lease = await _bucket.AcquireAsync(Math.Clamp(amount, 1, Capacity), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Spends what is available of <paramref name="amount"/> without waiting: usage found out after the fact.</summary>
    public void Charge(int amount)
    {
        if (amount > 0)
        {
            using var lease = _bucket.AttemptAcquire(Math.Min(amount, Capacity));
        }
    }

    public void Dispose() => _bucket.Dispose();
}

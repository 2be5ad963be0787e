namespace Dgt.Testing.FakeLlm;

/// <summary>
/// Which generation requests (<c>/api/generate</c>, <c>/v1/chat/completions</c>, …) misbehave, and how. A plan decides from the
/// request alone, so it is safe under concurrency, and a seeded random plan picks the same faults for the same
/// request numbers whatever order the requests arrive in.
/// </summary>
public sealed class FaultPlan
{
    private readonly Func<FakeRequest, FakeFault?> _choose;

    private FaultPlan(Func<FakeRequest, FakeFault?> choose) => _choose = choose;

    /// <summary>Every request succeeds.</summary>
    public static FaultPlan None { get; } = new(_ => null);

    /// <summary>The faults most servers show under load: errors, 429, resets, cut and malformed bodies.</summary>
    public static IReadOnlyList<FakeFault> TransportFaults { get; } =
    [
        FakeFault.ServerError(500),
        FakeFault.ServerError(503),
        FakeFault.TooManyRequests(TimeSpan.FromSeconds(1)),
        FakeFault.Reset,
        FakeFault.ResetMidBody,
        FakeFault.TruncatedBody,
        FakeFault.MalformedJson,
    ];

    /// <summary>The given requests (by 1-based request number) misbehave as scripted; the rest succeed.</summary>
    public static FaultPlan Scripted(IReadOnlyDictionary<int, FakeFault> byRequestNumber)
    {
        var script = new Dictionary<int, FakeFault>(byRequestNumber);
        return new(request => script.GetValueOrDefault(request.Number));
    }

    /// <summary>Requests <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 fail with <paramref name="fault"/>.</summary>
    public static FaultPlan Range(int first, int count, FakeFault fault) =>
        new(request => request.Number >= first && request.Number < first + count ? fault : null);

    /// <summary>Every request fails with <paramref name="fault"/>.</summary>
    public static FaultPlan Always(FakeFault fault) => new(_ => fault);

    /// <summary>
    /// Each request fails with probability <paramref name="rate"/>, with a fault drawn from <paramref name="faults"/>
    /// (default <see cref="TransportFaults"/>); the draw depends only on <paramref name="seed"/> and the request number.
    /// </summary>
    public static FaultPlan Random(double rate, int seed, IReadOnlyList<FakeFault>? faults = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        var choices = faults ?? TransportFaults;
        if (choices.Count == 0)
        {
            throw new ArgumentException("A random plan needs at least one fault.", nameof(faults));
        }

        return new(request =>
        {
            var bits = Mix((ulong)(uint)seed << 32 | (uint)request.Number);
            var draw = (bits >> 11) * (1.0 / (1UL << 53));
            return draw < rate ? choices[(int)(Mix(bits) % (ulong)choices.Count)] : null;
        });
    }

    /// <summary>A plan of your own.</summary>
    public static FaultPlan From(Func<FakeRequest, FakeFault?> choose) => new(choose);

    /// <summary>The fault for <paramref name="request"/>, or null when it should succeed.</summary>
    public FakeFault? For(FakeRequest request) => _choose(request);

    // SplitMix64: a cheap, well-spread hash, so nearby request numbers get unrelated draws.
    private static ulong Mix(ulong value)
    {
        value += 0x9E3779B97F4A7C15;
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EB;
        return value ^ (value >> 31);
    }
}

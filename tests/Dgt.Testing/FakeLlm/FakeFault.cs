namespace Dgt.Testing.FakeLlm;

/// <summary>One planned misbehaviour of the fake server.</summary>
public sealed record FakeFault(FakeFaultKind Kind)
{
    /// <summary>The status of a <see cref="FakeFaultKind.ServerError"/>.</summary>
    public int Status { get; init; } = 500;

    /// <summary>The <c>Retry-After</c> of a 429 (or of a server error, when set).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Send <see cref="RetryAfter"/> as an HTTP date instead of seconds.</summary>
    public bool RetryAfterAsDate { get; init; }

    /// <summary>How many bytes an <see cref="FakeFaultKind.OversizedReply"/> runs to.</summary>
    public long Bytes { get; init; }

    public static FakeFault ServerError(int status = 500) => new(FakeFaultKind.ServerError) { Status = status };

    public static FakeFault TooManyRequests(TimeSpan retryAfter, bool asDate = false) =>
        new(FakeFaultKind.TooManyRequests) { RetryAfter = retryAfter, RetryAfterAsDate = asDate };

    public static FakeFault Reset { get; } = new(FakeFaultKind.Reset);

    public static FakeFault ResetMidBody { get; } = new(FakeFaultKind.ResetMidBody);

    public static FakeFault TruncatedBody { get; } = new(FakeFaultKind.TruncatedBody);

    public static FakeFault MalformedJson { get; } = new(FakeFaultKind.MalformedJson);

    public static FakeFault Stall { get; } = new(FakeFaultKind.Stall);

    public static FakeFault StallMidBody { get; } = new(FakeFaultKind.StallMidBody);

    public static FakeFault MalformedReply { get; } = new(FakeFaultKind.MalformedReply);

    public static FakeFault OversizedReply(long bytes) => new(FakeFaultKind.OversizedReply) { Bytes = bytes };
}

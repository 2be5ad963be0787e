namespace Dgt.Testing.FakeLlm;

/// <summary>How a fake server behaves whatever protocol it speaks; each protocol's options add what is its own.</summary>
public abstract record FakeServerOptions
{
    /// <summary>How long every generation request takes before its reply starts.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>
    /// Up to this much more, drawn per request (the same for the same request number): replies of a real model take
    /// more or less time with their length, so an attempt waits for its slowest request.
    /// </summary>
    public TimeSpan LatencySpread { get; init; }

    /// <summary>The latency of the request numbered <paramref name="requestNumber"/>.</summary>
    public TimeSpan LatencyOf(int requestNumber) =>
        LatencySpread <= TimeSpan.Zero ? Latency : Latency + (LatencySpread * new Random(requestNumber).NextDouble());

    /// <summary>The reply text of a generation request; by default a unique geography question-answer pair.</summary>
    public Func<FakeRequest, string> Responder { get; init; } = GeographyResponder.Reply;

    /// <summary>Which requests misbehave.</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>How long a stall lasts (it ends early when the client gives up or the server stops).</summary>
    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Words per streamed chunk.</summary>
    public int WordsPerChunk { get; init; } = 3;

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }
}

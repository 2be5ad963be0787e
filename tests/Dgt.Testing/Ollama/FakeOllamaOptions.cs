namespace Dgt.Testing.Ollama;

/// <summary>How a <see cref="FakeOllamaServer"/> behaves.</summary>
public sealed record FakeOllamaOptions
{
    /// <summary>The models the server has; any other gets Ollama's 404. A name without a tag means <c>:latest</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["mistral-small3.2"];

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

    /// <summary>What <c>/api/version</c> reports.</summary>
    public string Version { get; init; } = "0.12.6";

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }
}

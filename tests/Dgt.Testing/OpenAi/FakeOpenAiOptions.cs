using Dgt.Testing.Ollama;

namespace Dgt.Testing.OpenAi;

/// <summary>How a <see cref="FakeOpenAiServer"/> behaves.</summary>
public sealed record FakeOpenAiOptions
{
    /// <summary>The models the server serves; any other gets OpenAI's 404 <c>model_not_found</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["gpt-fake-mini"];

    /// <summary>The key the server insists on (<c>Authorization: Bearer …</c>); null takes requests without one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long every generation request takes before its reply starts.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>The reply text of a generation request; by default a unique geography question-answer pair.</summary>
    public Func<FakeRequest, string> Responder { get; init; } = GeographyResponder.Reply;

    /// <summary>Which requests misbehave.</summary>
    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>How long a stall lasts (it ends early when the client gives up or the server stops).</summary>
    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Words per streamed event.</summary>
    public int WordsPerChunk { get; init; } = 3;

    /// <summary>The TCP port; 0 picks a free one.</summary>
    public int Port { get; init; }
}

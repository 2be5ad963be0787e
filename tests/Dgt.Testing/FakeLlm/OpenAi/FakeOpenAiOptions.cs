namespace Dgt.Testing.FakeLlm.OpenAi;

/// <summary>How a fake OpenAI-compatible server behaves: the host's options and the protocol's own.</summary>
public sealed record FakeOpenAiOptions : FakeServerOptions
{
    /// <summary>The models the server serves; any other gets OpenAI's 404 <c>model_not_found</c>.</summary>
    public IReadOnlyList<string> Models { get; init; } = ["gpt-fake-mini"];

    /// <summary>The key the server insists on (<c>Authorization: Bearer …</c>); null takes requests without one.</summary>
    public string? ApiKey { get; init; }
}

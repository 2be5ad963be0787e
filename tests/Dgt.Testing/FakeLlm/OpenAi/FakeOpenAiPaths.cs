namespace Dgt.Testing.FakeLlm.OpenAi;

/// <summary>The endpoints the fake OpenAI-compatible server answers.</summary>
public static class FakeOpenAiPaths
{
    public const string Completions = "/v1/completions";
    public const string Chat = "/v1/chat/completions";
    public const string Models = "/v1/models";
}

namespace Dgt.Testing.FakeLlm.Ollama;

/// <summary>The endpoints the fake server answers.</summary>
public static class FakeOllamaPaths
{
    public const string Generate = "/api/generate";
    public const string Chat = "/api/chat";
    public const string Tags = "/api/tags";
    public const string Show = "/api/show";
    public const string Version = "/api/version";
}

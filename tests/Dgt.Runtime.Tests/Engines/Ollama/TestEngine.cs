using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Engines.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

/// <summary>Builds engines aimed at a fake server, with retry delays of a few milliseconds.</summary>
internal static class TestEngine
{
    public const string Model = "mistral-small3.2";

    public static RetryBackoff FastBackoff { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(2),
        MaxDelay = TimeSpan.FromMilliseconds(10),
    };

    public static OllamaOptions Options(Uri baseUrl) => new() { ModelIdOrPath = Model, BaseUrl = baseUrl.ToString() };

    /// <summary>An engine with flow control of its own unless a registry is given, so tests never share limits by accident.</summary>
    public static OllamaEngine Create(OllamaOptions options, Func<string, string?>? environment = null, FlowRegistry? flows = null) =>
        new(options, Context(environment), FastBackoff, TimeProvider.System, flows ?? new FlowRegistry(TimeProvider.System));

    public static BlockContext Context(Func<string, string?>? environment = null) =>
        new("generator", "public/test/geography_qa", environment ?? (_ => null));

    public static LmRequest<int> Request(LmMethod method, string text, int reference, GenerationOptions? overrides = null) =>
        method == LmMethod.Completion
            ? LmRequest.Completion(text, reference, overrides)
            : LmRequest.Chat([ChatMessage.System("You write quiz questions."), ChatMessage.User(text)], reference, overrides);

    public static async Task<LmResult<int>> RunOneAsync(OllamaEngine engine, LmMethod method = LmMethod.Completion)
    {
        var results = await engine.RunAsync([Request(method, "Write one geography question.", 1)], CancellationToken.None);
        return Assert.Single(results);
    }
}

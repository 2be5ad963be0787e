using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Engines.OpenAi;
using Dgt.Runtime.Tests.Engines.Ollama;

namespace Dgt.Runtime.Tests.Engines.OpenAi;

/// <summary>Builds <c>openai</c> engines aimed at a fake server, with retry delays of a few milliseconds.</summary>
internal static class TestOpenAi
{
    public const string Model = "gpt-fake-mini";

    public static OpenAiOptions Options(Uri baseUrl) => new() { ModelIdOrPath = Model, BaseUrl = baseUrl.ToString() };

    /// <summary>
    /// An engine with flow control of its own unless a registry is given, so tests never share limits by accident;
    /// <paramref name="time"/> is the clock its calls are timed with.
    /// </summary>
    public static OpenAiEngine Create(
        OpenAiOptions options, Func<string, string?>? environment = null, FlowRegistry? flows = null, TimeProvider? time = null) =>
        new(options, TestEngine.Context(environment), TestEngine.FastBackoff, time ?? TimeProvider.System, flows ?? new FlowRegistry(TimeProvider.System));

    public static Func<string, string?> WithKey(string key) =>
        name => name == "OPENAI_API_KEY" ? key : null;

    public static async Task<LmResult<int>> RunOneAsync(OpenAiEngine engine, LmMethod method = LmMethod.Completion)
    {
        var results = await engine.RunAsync([TestEngine.Request(method, "Write one geography question.", 1)], CancellationToken.None);
        return Assert.Single(results);
    }
}

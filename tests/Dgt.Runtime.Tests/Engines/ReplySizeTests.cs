using Dgt.Runtime.Tests.Engines.Ollama;
using Dgt.Runtime.Tests.Engines.OpenAi;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines;

/// <summary>
/// A server that answers with a 200 MB reply: every engine, streamed or whole, stops reading at the block's reply size
/// limit and fails that request alone, unretried, with the limit named; the run's other requests go on.
/// </summary>
public sealed class ReplySizeTests
{
    private const long Huge = 200L * 1024 * 1024;

    // What the server may have pushed into the connection before the client stopped reading: its buffers, not the reply.
    private const long FarLessThanTheReply = 48L * 1024 * 1024;

    public static TheoryData<string, LmMethod, bool> Cases() => new()
    {
        { "ollama", LmMethod.Completion, false },
        { "ollama", LmMethod.Completion, true },
        { "ollama", LmMethod.ChatCompletion, false },
        { "ollama", LmMethod.ChatCompletion, true },
        { "openai", LmMethod.Completion, false },
        { "openai", LmMethod.Completion, true },
        { "openai", LmMethod.ChatCompletion, false },
        { "openai", LmMethod.ChatCompletion, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_oversized_reply_fails_its_request_at_the_limit_derived_from_max_tokens(string engineType, LmMethod method, bool stream)
    {
        // The first request gets the runaway reply, the second a normal one.
        var faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.OversizedReply(Huge) });
        await using var server = await StartAsync(engineType, faults);
        var (engine, results) = await RunTwoAsync(engineType, server.BaseUrl, method, stream, maxTokens: 128, maxReplyBytes: null);
        using var disposeEngine = engine;

        var oversized = results.Single(r => !r.Succeeded);
        Assert.Contains("the reply was larger than 196608 bytes, the block's max_reply_bytes", oversized.Failure, StringComparison.Ordinal);
        Assert.Equal(1, oversized.Reply.Attempts);
        Assert.Single(results, r => r.Succeeded);
        Assert.True(server.Log.OversizedBytesSent < FarLessThanTheReply, $"{server.Log.OversizedBytesSent} bytes were sent");
    }

    [Theory]
    [InlineData("ollama")]
    [InlineData("openai")]
    public async Task Max_reply_bytes_sets_the_limit_and_a_reply_under_it_passes(string engineType)
    {
        var faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.OversizedReply(300 * 1024) });
        await using var server = await StartAsync(engineType, faults);
        var (engine, results) = await RunTwoAsync(engineType, server.BaseUrl, LmMethod.Completion, stream: false, maxTokens: 128, maxReplyBytes: 1024 * 1024);
        using var disposeEngine = engine;

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Contains(results, r => r.Text.Length > 300 * 1000);
    }

    private static Task<FakeLlmServer> StartAsync(string engineType, FaultPlan faults) => engineType == "ollama"
        ? FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = faults })
        : FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Faults = faults });

    private static async Task<(IDisposable Engine, IReadOnlyList<LmResult<int>> Results)> RunTwoAsync(
        string engineType, Uri baseUrl, LmMethod method, bool stream, int maxTokens, int? maxReplyBytes)
    {
        // One call at a time, so the runaway reply is the first request's.
        LmRequest<int>[] requests = [TestEngine.Request(method, "first", 1), TestEngine.Request(method, "second", 2)];
        if (engineType == "ollama")
        {
            var ollama = TestEngine.Create(TestEngine.Options(baseUrl) with { Stream = stream, MaxTokens = maxTokens, MaxReplyBytes = maxReplyBytes, CallLimit = 1 });
            return (ollama, await ollama.RunAsync(requests, CancellationToken.None));
        }

        var openAi = TestOpenAi.Create(TestOpenAi.Options(baseUrl) with { Stream = stream, MaxTokens = maxTokens, MaxReplyBytes = maxReplyBytes, CallLimit = 1 });
        return (openAi, await openAi.RunAsync(requests, CancellationToken.None));
    }
}

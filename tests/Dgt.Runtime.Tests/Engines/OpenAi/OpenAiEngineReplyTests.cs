using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.OpenAi;
using Dgt.Runtime.Tests.Engines.Ollama;

namespace Dgt.Runtime.Tests.Engines.OpenAi;

public sealed class OpenAiEngineReplyTests
{
    public static TheoryData<LmMethod, bool> Modes() => new()
    {
        { LmMethod.Completion, false },
        { LmMethod.Completion, true },
        { LmMethod.ChatCompletion, false },
        { LmMethod.ChatCompletion, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Returns_the_whole_text_and_usage_with_the_callers_reference(LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { WordsPerChunk = 2 });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Stream = stream });

        var results = await engine.RunAsync(
            [TestEngine.Request(method, "Write one.", 41), TestEngine.Request(method, "Write another.", 42)], CancellationToken.None);

        Assert.Equal([41, 42], results.Select(r => r.Reference));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        var sent = server.Log.GenerationRequests;
        Assert.Equal(2, sent.Count);
        Assert.All(sent, r => Assert.Equal(method == LmMethod.Completion ? FakeOpenAiPaths.Completions : FakeOpenAiPaths.Chat, r.Path));
        Assert.All(sent, r => Assert.Equal(stream, r.Stream));
        Assert.Equal(
            sent.Select(r => GeographyResponder.Pair(r.Number)).Order(),
            results.Select(r => r.Text).Order());
        Assert.All(results, r => Assert.True(r.Reply.Usage.PromptTokens > 0 && r.Reply.Usage.CompletionTokens > 0, $"{r.Reply.Usage}"));
        Assert.Equal(results.Sum(r => r.Reply.Usage.CompletionTokens), engine.Statistics.CompletionTokens);
        Assert.Equal(2, engine.Statistics.Requests);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Sends_the_blocks_options_with_request_overrides_on_top(LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var options = TestOpenAi.Options(server.BaseUrl) with
        {
            Stream = stream, Temperature = 0.5, MaxTokens = 3, TopP = 0.9, Seed = 7, Stop = ["\n\n"],
        };
        using var engine = TestOpenAi.Create(options);

        var results = await engine.RunAsync(
            [TestEngine.Request(method, "q", 1, new GenerationOptions { Temperature = 0.25 })], CancellationToken.None);

        var body = Assert.Single(server.Log.GenerationRequests).Options!;
        Assert.Equal(0.25, body["temperature"]!.GetValue<double>(), 3);
        Assert.Equal(3, (body["max_tokens"] ?? body["max_completion_tokens"])!.GetValue<int>());
        Assert.Equal(0.9, body["top_p"]!.GetValue<double>(), 3);
        Assert.Equal(7, body["seed"]!.GetValue<int>());
        Assert.Equal("Question: What is ", Assert.Single(results).Text);
    }

    [Fact]
    public async Task Sends_no_authorization_header_without_a_key_and_a_bearer_header_with_one()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using (var keyless = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl)))
        {
            await TestOpenAi.RunOneAsync(keyless, LmMethod.ChatCompletion);
            await TestOpenAi.RunOneAsync(keyless, LmMethod.Completion);
        }

        using (var keyed = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl), TestOpenAi.WithKey("sk-test-123")))
        {
            await TestOpenAi.RunOneAsync(keyed, LmMethod.ChatCompletion);
            await TestOpenAi.RunOneAsync(keyed, LmMethod.Completion);
        }

        Assert.Equal([null, null, "Bearer sk-test-123", "Bearer sk-test-123"], server.Log.GenerationRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task Takes_the_base_url_from_OPENAI_BASE_URL_when_the_block_sets_none()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var engine = TestOpenAi.Create(
            new() { ModelIdOrPath = TestOpenAi.Model },
            name => name == "OPENAI_BASE_URL" ? server.BaseUrl.ToString() : null);

        var result = await TestOpenAi.RunOneAsync(engine, LmMethod.ChatCompletion);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(server.BaseUrl.ToString().TrimEnd('/') + "/", engine.BaseUrl.ToString());
    }

    [Fact]
    public async Task Defaults_to_the_openai_api()
    {
        using var engine = TestOpenAi.Create(new() { ModelIdOrPath = TestOpenAi.Model });

        Assert.Equal("https://api.openai.com/v1/", engine.BaseUrl.ToString());
        await Task.CompletedTask;
    }
}

using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class OllamaEngineReplyTests
{
    public static TheoryData<LmMethod, bool> Modes => new()
    {
        { LmMethod.Completion, false },
        { LmMethod.Completion, true },
        { LmMethod.ChatCompletion, false },
        { LmMethod.ChatCompletion, true },
    };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Returns_the_whole_reply_with_its_token_usage(LmMethod method, bool stream)
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = stream });

        var result = await TestEngine.RunOneAsync(engine, method);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(GeographyResponder.Pair(1), result.Text);
        Assert.Equal(1, result.Reply.Attempts);
        Assert.True(result.Reply.Usage.PromptTokens > 0);
        Assert.Equal(GeographyResponder.Pair(1).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length, result.Reply.Usage.CompletionTokens);
        var received = Assert.Single(server.Log.GenerationRequests);
        Assert.Equal(method == LmMethod.Completion ? FakeOllamaPaths.Generate : FakeOllamaPaths.Chat, received.Path);
        Assert.Equal(stream, received.Stream);
        Assert.Equal(TestEngine.Model, received.Model);
    }

    [Fact]
    public async Task Completion_sends_the_prompt_raw_and_chat_sends_the_messages_as_they_are()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        await TestEngine.RunOneAsync(engine, LmMethod.Completion);
        await TestEngine.RunOneAsync(engine, LmMethod.ChatCompletion);

        var requests = server.Log.GenerationRequests;
        Assert.Equal("Write one geography question.", requests[0].Prompt);
        Assert.True(requests[0].Raw);
        Assert.Equal(
            [new FakeMessage("system", "You write quiz questions."), new FakeMessage("user", "Write one geography question.")],
            requests[1].Messages);
    }

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.Completion, true)]
    [InlineData(LmMethod.ChatCompletion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task Sends_every_sampling_option_in_both_modes(LmMethod method, bool stream)
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with
        {
            Stream = stream,
            Temperature = 0.25,
            MaxTokens = 64,
            TopP = 0.5,
            Seed = 7,
            Stop = ["\n\n", "###"],
            NumCtx = 4096,
        });

        await TestEngine.RunOneAsync(engine, method);

        var options = Assert.Single(server.Log.GenerationRequests).Options;
        Assert.NotNull(options);
        Assert.Equal(0.25, options["temperature"]!.GetValue<double>(), 6);
        Assert.Equal(64, options["num_predict"]!.GetValue<int>());
        Assert.Equal(0.5, options["top_p"]!.GetValue<double>(), 6);
        Assert.Equal(7, options["seed"]!.GetValue<int>());
        Assert.Equal(["\n\n", "###"], options["stop"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(4096, options["num_ctx"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_request_s_overrides_win_over_the_block_s_options()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Temperature = 0.0, MaxTokens = 128 });

        await engine.RunAsync(
            [TestEngine.Request(LmMethod.Completion, "p", 1, new GenerationOptions { Temperature = 0.9, Seed = 3 })],
            CancellationToken.None);

        var options = Assert.Single(server.Log.GenerationRequests).Options!;
        Assert.Equal(0.9, options["temperature"]!.GetValue<double>(), 6);
        Assert.Equal(128, options["num_predict"]!.GetValue<int>());
        Assert.Equal(3, options["seed"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_options_the_server_s_defaults_apply()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        await TestEngine.RunOneAsync(engine);

        Assert.Null(Assert.Single(server.Log.GenerationRequests).Options);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Every_result_carries_its_own_reference_in_request_order(bool stream)
    {
        var options = new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(5),
            Responder = request => "echo " + (request.Prompt ?? request.Messages![^1].Content),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = stream, CallLimit = 8 });
        var requests = Enumerable.Range(0, 40)
            .Select(i => TestEngine.Request(i % 2 == 0 ? LmMethod.Completion : LmMethod.ChatCompletion, $"prompt {i}", i))
            .ToList();

        var results = await engine.RunAsync(requests, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 40), results.Select(r => r.Reference));
        Assert.All(results, r => Assert.Equal($"echo prompt {r.Reference}", r.Text));
        Assert.Equal(40, engine.Statistics.Requests);
        Assert.Equal(0, engine.Statistics.Failures);
    }

    [Fact]
    public async Task Replies_cut_by_the_server_come_back_as_the_server_sent_them()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stop = ["\nAnswer:"], Stream = true });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.Equal(GeographyResponder.Pair(1).Split('\n')[0], result.Text);
    }

    [Fact]
    public async Task A_completion_without_a_prompt_is_a_bug_reported_before_any_request()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        await Assert.ThrowsAsync<ArgumentException>(() => engine.RunAsync(
            [new LmRequest<int> { Method = LmMethod.Completion, Reference = 1 }], CancellationToken.None));

        Assert.Empty(server.Log.Requests);
    }
}

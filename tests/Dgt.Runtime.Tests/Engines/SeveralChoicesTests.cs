using Dgt.Runtime.Tests.Engines.Ollama;
using Dgt.Runtime.Tests.Engines.OpenAi;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines;

/// <summary><c>n</c>: several replies to the same input, each a call of its own, all handed back with the request.</summary>
public sealed class SeveralChoicesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dgt-choices-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task Openai_makes_n_replies_per_input_each_seeded_apart(LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { N = 3, Seed = 7, Stream = stream });

        var results = await engine.RunAsync([TestEngine.Request(method, "first", 1), TestEngine.Request(method, "second", 2)], CancellationToken.None);

        Assert.Equal([1, 2], results.Select(r => r.Reference));
        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.All(results, r => Assert.Equal(3, r.Texts.Distinct().Count()));
        Assert.Equal(6, results.SelectMany(r => r.Texts).Distinct().Count());
        Assert.All(results, r => Assert.Equal(r.Texts[0], r.Text));
        Assert.Equal(6, server.Log.GenerationRequests.Count);
        Assert.Equal([7.0, 7, 8, 8, 9, 9], server.Log.GenerationRequests.Select(r => r.OptionNumber("seed")).Order());
        Assert.DoesNotContain(server.Log.GenerationRequests, r => r.Options?["n"] is not null);
        Assert.Equal(6, engine.Statistics.Requests);
        Assert.Equal(results.Sum(r => r.Reply.Usage.CompletionTokens), engine.Statistics.CompletionTokens);
    }

    [Fact]
    public async Task A_request_override_of_n_wins_over_the_block_option()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { N = 3 });

        var results = await engine.RunAsync(
            [TestEngine.Request(LmMethod.Completion, "one", 1, new GenerationOptions { N = 1 }), TestEngine.Request(LmMethod.Completion, "two", 2, new GenerationOptions { N = 2 })],
            CancellationToken.None);

        Assert.Equal([1, 2], results.Select(r => r.Texts.Count));
        Assert.Equal(3, server.Log.GenerationRequests.Count);
    }

    [Fact]
    public async Task Ollama_choices_are_cached_apart_and_a_rerun_makes_no_request()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        var options = TestEngine.Options(server.BaseUrl) with { N = 2, LmCache = Path.Combine(_directory, "cache.sqlite") };
        IReadOnlyList<LmResult<int>> first;
        using (var engine = TestEngine.Create(options))
        {
            first = await engine.RunAsync([TestEngine.Request(LmMethod.Completion, "p", 1), TestEngine.Request(LmMethod.ChatCompletion, "q", 2)], CancellationToken.None);
        }

        using var rerun = TestEngine.Create(options);
        var second = await rerun.RunAsync([TestEngine.Request(LmMethod.Completion, "p", 1), TestEngine.Request(LmMethod.ChatCompletion, "q", 2)], CancellationToken.None);

        // Without a seed the two choices of an input are the same call but for their index: cached apart, not merged.
        Assert.Equal(4, server.Log.GenerationRequests.Count);
        Assert.All(first, r => Assert.Equal(2, r.Texts.Distinct().Count()));
        Assert.Equal(first.Select(r => string.Join("|", r.Texts)), second.Select(r => string.Join("|", r.Texts)));
        Assert.All(second, r => Assert.True(r.Reply.Cached));
        Assert.Equal(4, rerun.Statistics.CacheHits);
    }

    [Fact]
    public async Task A_failed_choice_fails_the_request_by_name_and_keeps_the_others()
    {
        var engine = new ChoiceEngine(failingChoice: 1);

        var result = Assert.Single(await engine.RunAsync([LmRequest.Completion("p", 9, new GenerationOptions { N = 3, Seed = 40 })], CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal("choice 2 of 3: refused", result.Failure);
        Assert.Equal(["p #0 seed 40", "p #2 seed 42"], result.Texts);
        Assert.Equal(new TokenUsage(2, 2), result.Reply.Usage);
        Assert.Equal(3, engine.Statistics.Requests);
        Assert.Equal(1, engine.Statistics.Failures);
    }

    [Fact]
    public async Task Without_n_a_request_is_one_call_with_its_seed_untouched()
    {
        var engine = new ChoiceEngine(failingChoice: -1);

        var result = Assert.Single(await engine.RunAsync([LmRequest.Completion("p", 9, new GenerationOptions { Seed = 40 })], CancellationToken.None));

        Assert.True(result.Succeeded);
        Assert.Equal(["p #0 seed 40"], result.Texts);
        Assert.Equal(1, engine.Statistics.Requests);
    }

    /// <summary>Answers each call with its prompt, choice and seed; one choice fails.</summary>
    private sealed class ChoiceEngine(int failingChoice) : LMProvider("generator", "m", 4, new GenerationOptions())
    {
        protected override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
        {
            await Task.Yield();
            Assert.Null(call.Options.N);
            return call.Choice == failingChoice
                ? LmReply.Failed("refused", 1)
                : LmReply.Success($"{call.Prompt} #{call.Choice} seed {call.Options.Seed}", new TokenUsage(1, 1));
        }
    }
}

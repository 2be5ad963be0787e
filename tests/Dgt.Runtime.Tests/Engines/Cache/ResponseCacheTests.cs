using Dgt.Runtime.Engines.Cache;
using Dgt.Runtime.Tests.Engines.Ollama;
using Dgt.Runtime.Tests.Engines.OpenAi;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines.Cache;

public sealed class ResponseCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dgt-cache-").FullName;

    private string CachePath => Path.Combine(_directory, "nested", "lm-cache.sqlite");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task A_rerun_with_the_same_inputs_makes_no_openai_request(LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var options = TestOpenAi.Options(server.BaseUrl) with { Stream = stream, LmCache = CachePath, CallLimit = 6 };
        var requests = Requests(method, 12);
        IReadOnlyList<LmResult<int>> first;
        using (var engine = TestOpenAi.Create(options))
        {
            first = await engine.RunAsync(requests, CancellationToken.None);
        }

        Assert.Equal(12, server.Log.GenerationRequests.Count);
        using var rerun = TestOpenAi.Create(options);
        var second = await rerun.RunAsync(requests, CancellationToken.None);

        Assert.Equal(12, server.Log.GenerationRequests.Count);
        Assert.Equal(first.Select(r => (r.Reference, r.Text, r.Reply.Usage)), second.Select(r => (r.Reference, r.Text, r.Reply.Usage)));
        Assert.All(second, r => Assert.True(r.Reply.Cached));
        Assert.Equal(12, rerun.Statistics.CacheHits);
        Assert.Equal(12, rerun.Statistics.Requests);
        Assert.Equal(0, rerun.Statistics.HttpAttempts);
        Assert.Equal(0, rerun.Statistics.PromptTokens);
    }

    [Theory]
    [InlineData(LmMethod.Completion)]
    [InlineData(LmMethod.ChatCompletion)]
    public async Task A_rerun_with_the_same_inputs_makes_no_ollama_request(LmMethod method)
    {
        await using var server = await FakeOllamaServer.StartAsync();
        var options = TestEngine.Options(server.BaseUrl) with { LmCache = CachePath, NumCtx = 2048 };
        using (var engine = TestEngine.Create(options))
        {
            await engine.RunAsync(Requests(method, 8), CancellationToken.None);
        }

        using var rerun = TestEngine.Create(options);
        var second = await rerun.RunAsync(Requests(method, 8), CancellationToken.None);

        Assert.Equal(8, server.Log.GenerationRequests.Count);
        Assert.All(second, r => Assert.True(r.Succeeded && r.Reply.Cached));
        Assert.Equal(8, rerun.Statistics.CacheHits);
    }

    [Fact]
    public async Task Changed_inputs_or_options_miss_the_cache_and_failures_are_never_stored()
    {
        var options = new FakeOpenAiOptions { Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.ServerError(400) }) };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        var block = TestOpenAi.Options(server.BaseUrl) with { LmCache = CachePath, CallLimit = 1 };
        using (var engine = TestOpenAi.Create(block))
        {
            var failed = await TestOpenAi.RunOneAsync(engine);
            Assert.False(failed.Succeeded);
            await TestOpenAi.RunOneAsync(engine);
        }

        using var rerun = TestOpenAi.Create(block with { Temperature = 0.3 });
        await TestOpenAi.RunOneAsync(rerun);
        using var sameAgain = TestOpenAi.Create(block);
        var hit = await TestOpenAi.RunOneAsync(sameAgain);
        await sameAgain.RunAsync([TestEngine.Request(LmMethod.ChatCompletion, "Write one geography question.", 1)], CancellationToken.None);

        Assert.True(hit.Reply.Cached);
        Assert.Equal(GeographyResponder.Pair(2), hit.Text);
        Assert.Equal(4, server.Log.GenerationRequests.Count);
    }

    [Fact]
    public async Task Every_engine_without_lm_cache_uses_the_runs_default_path()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        Func<string, string?> environment = name => name == LmCachePath.EnvironmentVariable ? CachePath : null;
        using (var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl), environment))
        {
            await TestOpenAi.RunOneAsync(engine);
        }

        using var rerun = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl), environment);
        var result = await TestOpenAi.RunOneAsync(rerun);

        Assert.True(result.Reply.Cached);
        Assert.True(File.Exists(CachePath));
    }

    [Fact]
    public async Task Concurrent_engines_share_one_cache_file_safely()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = TimeSpan.FromMilliseconds(2) });
        var options = TestOpenAi.Options(server.BaseUrl) with { LmCache = CachePath, CallLimit = 16 };
        using var one = TestOpenAi.Create(options);
        using var two = TestOpenAi.Create(options);

        var results = await Task.WhenAll(
            one.RunAsync(Requests(LmMethod.Completion, 100), CancellationToken.None),
            two.RunAsync(Requests(LmMethod.Completion, 100).Select(r => r with { Prompt = r.Prompt + " (two)" }), CancellationToken.None));

        Assert.All(results.SelectMany(r => r), r => Assert.True(r.Succeeded, r.Failure));
        using var rerun = TestOpenAi.Create(options);
        var again = await rerun.RunAsync(Requests(LmMethod.Completion, 100), CancellationToken.None);
        Assert.Equal(results[0].Select(r => r.Text), again.Select(r => r.Text));
        Assert.Equal(200, server.Log.GenerationRequests.Count);
    }

    [Fact]
    public void A_cache_path_that_cannot_be_created_is_a_clear_error_at_start()
    {
        var blocked = Path.Combine(_directory, "file");
        File.WriteAllText(blocked, "not a directory");

        var error = Assert.Throws<LmPermanentException>(() =>
            TestOpenAi.Create(TestOpenAi.Options(new Uri("http://127.0.0.1:9/v1")) with { LmCache = Path.Combine(blocked, "cache.sqlite") }));

        Assert.Contains("cannot be opened", error.Message);
        Assert.Contains("block 'generator'", error.Message);
    }

    [Fact]
    public void The_key_covers_every_input_that_changes_the_reply()
    {
        var url = new Uri("http://h/v1/");
        var call = new LmCall { Method = LmMethod.Completion, Prompt = "p", Options = new GenerationOptions { Temperature = 0.5, Stop = ["x"] } };
        var key = LmCacheKey.Compute("openai", url, "m", call);

        Assert.Equal(key, LmCacheKey.Compute("openai", url, "m", call with { }));
        Assert.NotEqual(key, LmCacheKey.Compute("ollama", url, "m", call));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", new Uri("http://other/v1/"), "m", call));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m2", call));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Prompt = "q" }));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Method = LmMethod.ChatCompletion, Prompt = null, Messages = [ChatMessage.User("p")] }));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Options = call.Options with { Temperature = 0.6 } }));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Options = call.Options with { Seed = 1 } }));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Options = call.Options with { Stop = ["y"] } }));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call, [new("num_ctx", "4096")]));
        Assert.NotEqual(key, LmCacheKey.Compute("openai", url, "m", call with { Choice = 1 }));
        Assert.Equal(key, LmCacheKey.Compute("openai", url, "m", call with { Choice = 0 }));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    private static List<LmRequest<int>> Requests(LmMethod method, int count) =>
        [.. Enumerable.Range(0, count).Select(i => TestEngine.Request(method, $"prompt {i}", i))];
}

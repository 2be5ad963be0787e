using System.Diagnostics;
using Dgt.Runtime.Engines.Flow;
using Dgt.Runtime.Tests.Engines.Ollama;
using Dgt.Runtime.Tests.Engines.OpenAi;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines.Flow;

public sealed class FlowControlTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public async Task Keeps_exactly_call_limit_openai_requests_in_flight_under_load(int callLimit, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = TimeSpan.FromMilliseconds(30) });
        using var engine = TestOpenAi.Create(
            TestOpenAi.Options(server.BaseUrl) with { CallLimit = callLimit, Stream = stream }, time: new StoppedStopwatch());

        var results = await engine.RunAsync(
            Enumerable.Range(0, callLimit * 5).Select(i => TestEngine.Request(LmMethod.ChatCompletion, $"p{i}", i)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(callLimit, server.Log.PeakConcurrency);
        Assert.Equal(callLimit, engine.Statistics.PeakInFlight);
        Assert.Equal(callLimit, engine.Statistics.ConcurrencyLimit);
    }

    [Fact]
    public async Task Blocks_on_the_same_endpoint_and_key_share_one_limit()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = TimeSpan.FromMilliseconds(20) });
        var flows = new FlowRegistry(TimeProvider.System);
        var key = TestOpenAi.WithKey("sk-shared");
        using var generator = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 6 }, key, flows);
        using var judge = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 3 }, key, flows);
        using var otherKey = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 3 }, TestOpenAi.WithKey("sk-other"), flows);

        await Task.WhenAll(
            generator.RunAsync(Enumerable.Range(0, 30).Select(i => TestEngine.Request(LmMethod.Completion, $"g{i}", i)), CancellationToken.None),
            judge.RunAsync(Enumerable.Range(0, 30).Select(i => TestEngine.Request(LmMethod.Completion, $"j{i}", i)), CancellationToken.None));

        Assert.Same(generator.Flow, judge.Flow);
        Assert.NotSame(generator.Flow, otherKey.Flow);
        Assert.Equal(3, generator.Flow.Ceiling);
        Assert.Equal(3, server.Log.PeakConcurrency);
    }

    [Fact]
    public async Task The_limit_halves_under_429s_and_grows_back_once_the_server_copes()
    {
        var options = new FakeOpenAiOptions
        {
            Latency = TimeSpan.FromMilliseconds(10),
            Faults = FaultPlan.Range(1, 30, FakeFault.TooManyRequests(TimeSpan.Zero)),
        };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(
            TestOpenAi.Options(server.BaseUrl) with { CallLimit = 8, MaxRetries = 20 }, time: new StoppedStopwatch());

        var results = await engine.RunAsync(
            Enumerable.Range(0, 150).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.True(engine.Flow.LowestLimit <= 2, $"lowest limit {engine.Flow.LowestLimit}");
        Assert.Equal(8, engine.Flow.Limit);
        Assert.True(server.Log.PeakConcurrency <= 8, $"peak {server.Log.PeakConcurrency}");
        Assert.Equal(30, server.Log.CountOf(429));
    }

    [Fact]
    public async Task Ollama_shares_the_same_flow_control()
    {
        var options = new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(10),
            Faults = FaultPlan.Range(1, 20, FakeFault.TooManyRequests(TimeSpan.Zero)),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        var flows = new FlowRegistry(TimeProvider.System);
        using var one = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { CallLimit = 6, MaxRetries = 20 }, flows: flows);
        using var two = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { CallLimit = 6, MaxRetries = 20 }, flows: flows);

        await Task.WhenAll(
            one.RunAsync(Enumerable.Range(0, 60).Select(i => TestEngine.Request(LmMethod.Completion, $"a{i}", i)), CancellationToken.None),
            two.RunAsync(Enumerable.Range(0, 60).Select(i => TestEngine.Request(LmMethod.ChatCompletion, $"b{i}", i)), CancellationToken.None));

        Assert.Same(one.Flow, two.Flow);
        Assert.True(one.Flow.LowestLimit <= 3, $"lowest limit {one.Flow.LowestLimit}");
        Assert.True(server.Log.PeakConcurrency <= 6, $"peak {server.Log.PeakConcurrency}");
    }

    [Fact]
    public async Task Max_rpm_spaces_requests_out_evenly()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // 1200 a minute: 20 a second, in refills of 2 every 100 ms.
        // The bucket refills from the moment the engine makes it.
        var started = DateTimeOffset.UtcNow;
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 16, MaxRpm = 1200 });
        var clock = Stopwatch.StartNew();

        var results = await engine.RunAsync(
            Enumerable.Range(0, 24).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        // The bucket starts with 2; the other 22 come at 20 a second.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.0), TimeSpan.FromSeconds(3));
        // Counted from the start: a request reaches the server only after the bucket let it go, so however late a busy
        // machine delivers requests (and bunches them up), no more can have arrived by any moment than the bucket had
        // given out by then: the first 2, and 2 more each 100 ms (one refill more allowed, for the refill timer firing
        // a little early on the wall clock the server stamps arrivals with).
        var arrivals = server.Log.GenerationRequests.Select(r => r.ReceivedAt).Order().ToList();
        for (var i = 0; i < arrivals.Count; i++)
        {
            var refills = (int)Math.Floor((arrivals[i] - started).TotalMilliseconds / 100) + 1;
            Assert.True(i + 1 <= 2 + (2 * refills), $"{i + 1} requests within {(arrivals[i] - started).TotalMilliseconds:F0} ms");
        }
    }

    [Fact]
    public async Task Max_tpm_holds_back_requests_once_the_token_budget_is_spent()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        // 6000 tokens a minute = 100 a second, a burst of 1000; each call is estimated at 200 tokens (max_tokens).
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 8, MaxTpm = 6000, MaxTokens = 200 });
        var clock = Stopwatch.StartNew();

        await engine.RunAsync(Enumerable.Range(0, 7).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)), CancellationToken.None);

        // Five fit in the burst; the sixth and seventh wait for 200 tokens each at 100 a second.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A_cancelled_wait_for_a_slot_leaves_the_slot_to_the_next_caller()
    {
        var flow = new EndpointFlow(TimeProvider.System);
        flow.Accept(new FlowSettings(CallLimit: 1));
        var held = await flow.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = flow.EnterAsync(cancel.Token).AsTask();
        var next = flow.EnterAsync(CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        held.Dispose();
        (await next.WaitAsync(TimeSpan.FromSeconds(5))).Dispose();

        Assert.Equal(0, flow.InFlight);
    }

    /// <summary>
    /// A clock whose stopwatch never moves (its timers and wall time are the system's): every round trip reads as
    /// zero, so a loaded machine can never look like a server slowing down, and every 429 counts. The latency rule and
    /// the once-per-round-trip rule have clock-driven tests of their own in <see cref="EndpointFlowTests"/>.
    /// </summary>
    private sealed class StoppedStopwatch : TimeProvider
    {
        public override long GetTimestamp() => 0;
    }
}

using System.Diagnostics;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines.OpenAi;

public sealed class OpenAiEngineRetryTests
{
    public static TheoryData<string, LmMethod, bool> TransientFaults()
    {
        var data = new TheoryData<string, LmMethod, bool>();
        foreach (var fault in new[] { "500", "502", "503", "reset", "reset-mid-body", "truncated", "malformed-json" })
        {
            foreach (var method in new[] { LmMethod.Completion, LmMethod.ChatCompletion })
            {
                data.Add(fault, method, false);
                data.Add(fault, method, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task Transient_failures_are_retried_until_the_request_succeeds(string fault, LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Faults = FaultPlan.Range(1, 2, Fault(fault)) });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Stream = stream });

        var result = await TestOpenAi.RunOneAsync(engine, method);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(GeographyResponder.Pair(3), result.Text);
        Assert.Equal(3, result.Reply.Attempts);
        Assert.Equal(3, engine.Statistics.HttpAttempts);
        Assert.Equal(3, server.Log.GenerationRequests.Count);
    }

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task A_429_waits_as_long_as_retry_after_says_in_seconds(LmMethod method, bool stream)
    {
        var options = new FakeOpenAiOptions
        {
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.TooManyRequests(TimeSpan.FromSeconds(1)) }),
        };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Stream = stream });

        var result = await TestOpenAi.RunOneAsync(engine, method);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, result.Reply.Attempts);
        var requests = server.Log.GenerationRequests;
        Assert.InRange(requests[1].ReceivedAt - requests[0].ReceivedAt, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_429_waits_until_the_date_retry_after_gives()
    {
        var options = new FakeOpenAiOptions
        {
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.TooManyRequests(TimeSpan.FromSeconds(2), asDate: true) }),
        };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl));

        var result = await TestOpenAi.RunOneAsync(engine, LmMethod.ChatCompletion);

        Assert.True(result.Succeeded, result.Failure);
        var requests = server.Log.GenerationRequests;
        Assert.InRange(requests[1].ReceivedAt - requests[0].ReceivedAt, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.Completion, true)]
    [InlineData(LmMethod.ChatCompletion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task One_request_in_five_failing_with_5xx_still_gives_every_row(LmMethod method, bool stream)
    {
        var options = new FakeOpenAiOptions { Faults = FaultPlan.Random(0.2, seed: 11, [FakeFault.ServerError(500), FakeFault.ServerError(503)]) };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Stream = stream, CallLimit = 8, MaxRetries = 8 });

        var results = await engine.RunAsync(
            Enumerable.Range(0, 40).Select(i => Ollama.TestEngine.Request(method, $"p{i}", i)), CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(Enumerable.Range(0, 40), results.Select(r => r.Reference));
        Assert.True(server.Log.CountOf(500) + server.Log.CountOf(503) > 0);
        Assert.Equal(40 + server.Log.CountOf(500) + server.Log.CountOf(503), engine.Statistics.HttpAttempts);
        Assert.Equal(0, engine.Statistics.Failures);
    }

    [Theory]
    [InlineData("stall", LmMethod.Completion, false)]
    [InlineData("stall-mid-body", LmMethod.Completion, true)]
    [InlineData("stall", LmMethod.ChatCompletion, false)]
    [InlineData("stall-mid-body", LmMethod.ChatCompletion, true)]
    public async Task An_attempt_that_stalls_past_the_timeout_is_abandoned_and_retried(string fault, LmMethod method, bool stream)
    {
        var options = new FakeOpenAiOptions
        {
            StallDuration = TimeSpan.FromSeconds(20),
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = Fault(fault) }),
        };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Stream = stream, Timeout = 0.5 });
        var clock = Stopwatch.StartNew();

        var result = await TestOpenAi.RunOneAsync(engine, method);

        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Reply.Attempts >= 2, $"{result.Reply.Attempts} attempts");
        Assert.Equal(GeographyResponder.Pair(server.Log.GenerationRequests[^1].Number), result.Text);
        // At least the timeout (less the timer's granularity: it may fire a fraction of a millisecond before the
        // stopwatch reads 0.5 s), and far less than the 20 s stall.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.49), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Exhausted_retries_give_a_failed_result_with_the_reason()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Faults = FaultPlan.Always(FakeFault.ServerError(502)) });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { MaxRetries = 2 });

        var result = await TestOpenAi.RunOneAsync(engine, LmMethod.ChatCompletion);

        Assert.False(result.Succeeded);
        Assert.Contains("502", result.Failure);
        Assert.Contains("3 attempts", result.Failure);
        Assert.Equal(1, engine.Statistics.Failures);
        Assert.Equal(3, server.Log.CountOf(502));
    }

    [Fact]
    public async Task Attempts_that_always_stall_end_in_a_failed_result_that_names_the_timeout()
    {
        var options = new FakeOpenAiOptions { StallDuration = TimeSpan.FromSeconds(20), Faults = FaultPlan.Always(FakeFault.Stall) };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { Timeout = 0.1, MaxRetries = 1 });

        var result = await TestOpenAi.RunOneAsync(engine);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Reply.Attempts);
        Assert.Contains("within 0.1 s", result.Failure);
    }

    [Theory]
    [InlineData(LmMethod.Completion)]
    [InlineData(LmMethod.ChatCompletion)]
    public async Task A_request_the_server_rejects_fails_alone_without_retries(LmMethod method)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Faults = FaultPlan.Always(FakeFault.ServerError(400)) });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl));

        var result = await TestOpenAi.RunOneAsync(engine, method);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Reply.Attempts);
        Assert.Contains("400", result.Failure);
    }

    private static FakeFault Fault(string name) => name switch
    {
        "500" or "502" or "503" => FakeFault.ServerError(int.Parse(name, System.Globalization.CultureInfo.InvariantCulture)),
        "reset" => FakeFault.Reset,
        "reset-mid-body" => FakeFault.ResetMidBody,
        "truncated" => FakeFault.TruncatedBody,
        "malformed-json" => FakeFault.MalformedJson,
        "stall" => FakeFault.Stall,
        "stall-mid-body" => FakeFault.StallMidBody,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}

using System.Diagnostics;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class OllamaEngineRetryTests
{
    public static TheoryData<string, bool> TransientFaults()
    {
        var data = new TheoryData<string, bool>();
        foreach (var fault in new[] { "500", "502", "503", "reset", "reset-mid-body", "truncated", "malformed-json" })
        {
            data.Add(fault, false);
            data.Add(fault, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(TransientFaults))]
    public async Task Transient_failures_are_retried_until_the_request_succeeds(string fault, bool stream)
    {
        var options = new FakeOllamaOptions { Faults = FaultPlan.Range(1, 2, Fault(fault)) };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = stream });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(GeographyResponder.Pair(3), result.Text);
        Assert.Equal(3, result.Reply.Attempts);
        Assert.Equal(3, engine.Statistics.HttpAttempts);
        Assert.Equal(3, server.Log.GenerationRequests.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_429_waits_as_long_as_retry_after_says_in_seconds(bool stream)
    {
        var options = new FakeOllamaOptions
        {
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = FakeFault.TooManyRequests(TimeSpan.FromSeconds(1)) }),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = stream });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.True(result.Succeeded, result.Failure);
        Assert.Equal(2, result.Reply.Attempts);
        var requests = server.Log.GenerationRequests;
        var gap = requests[1].ReceivedAt - requests[0].ReceivedAt;
        Assert.InRange(gap, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        Assert.Equal(1, server.Log.CountOf(429));
    }

    [Fact]
    public async Task A_429_waits_until_the_date_retry_after_gives()
    {
        var options = new FakeOllamaOptions
        {
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault>
            {
                [1] = FakeFault.TooManyRequests(TimeSpan.FromSeconds(2), asDate: true),
            }),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        var result = await TestEngine.RunOneAsync(engine);

        Assert.True(result.Succeeded, result.Failure);
        var requests = server.Log.GenerationRequests;
        // An HTTP date has whole seconds, so "now + 2 s" written as a date lies between 1 and 2 s ahead.
        Assert.InRange(requests[1].ReceivedAt - requests[0].ReceivedAt, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Exhausted_retries_give_a_failed_result_with_the_reason()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.ServerError(500)) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { MaxRetries = 2 });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.False(result.Succeeded);
        Assert.Equal("", result.Text);
        Assert.NotNull(result.Failure);
        Assert.Contains("500", result.Failure);
        Assert.Contains("the fake server failed on purpose", result.Failure);
        Assert.Contains("3 attempts", result.Failure);
        Assert.Equal(3, result.Reply.Attempts);
        Assert.Equal(1, engine.Statistics.Failures);
        Assert.Equal(3, server.Log.CountOf(500));
    }

    [Fact]
    public async Task With_no_retries_a_transient_failure_fails_at_once()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.MalformedJson) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { MaxRetries = 0 });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.Equal(1, result.Reply.Attempts);
        Assert.Contains("not valid JSON", result.Failure);
    }

    [Fact]
    public async Task Failed_requests_do_not_disturb_the_others_of_the_batch()
    {
        var options = new FakeOllamaOptions
        {
            Faults = FaultPlan.From(request => request.Prompt == "doomed" ? FakeFault.ServerError(503) : null),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { MaxRetries = 1 });

        var results = await engine.RunAsync(
            [
                TestEngine.Request(LmMethod.Completion, "fine", 0),
                TestEngine.Request(LmMethod.Completion, "doomed", 1),
                TestEngine.Request(LmMethod.Completion, "fine too", 2),
            ],
            CancellationToken.None);

        Assert.Equal([true, false, true], results.Select(r => r.Succeeded));
        Assert.Equal([0, 1, 2], results.Select(r => r.Reference));
    }

    [Theory]
    [InlineData("stall", false)]
    [InlineData("stall", true)]
    [InlineData("stall-mid-body", false)]
    [InlineData("stall-mid-body", true)]
    public async Task An_attempt_that_stalls_past_the_timeout_is_abandoned_and_retried(string fault, bool stream)
    {
        var options = new FakeOllamaOptions
        {
            StallDuration = TimeSpan.FromSeconds(20),
            Faults = FaultPlan.Scripted(new Dictionary<int, FakeFault> { [1] = Fault(fault) }),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = stream, Timeout = 0.5 });
        var clock = Stopwatch.StartNew();

        var result = await TestEngine.RunOneAsync(engine);

        // A cold first connection on a busy machine can cost a further attempt, so count at least one retry.
        Assert.True(result.Succeeded, result.Failure);
        Assert.True(result.Reply.Attempts >= 2, $"{result.Reply.Attempts} attempts");
        Assert.Equal(Fault(fault).Kind, server.Log.GenerationRequests[0].Fault?.Kind);
        Assert.Equal(GeographyResponder.Pair(server.Log.GenerationRequests[^1].Number), result.Text);
        // At least the timeout (less the timer's granularity: it may fire a fraction of a millisecond before the
        // stopwatch reads 0.5 s), and far less than the 20 s stall.
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.49), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Attempts_that_always_stall_end_in_a_failed_result_that_names_the_timeout()
    {
        var options = new FakeOllamaOptions { StallDuration = TimeSpan.FromSeconds(20), Faults = FaultPlan.Always(FakeFault.Stall) };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Timeout = 0.1, MaxRetries = 1 });

        var result = await TestEngine.RunOneAsync(engine);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Reply.Attempts);
        Assert.Contains("within 0.1 s", result.Failure);
    }

    [Fact]
    public async Task A_request_the_server_rejects_fails_alone_without_retries()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.ServerError(400)) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        var result = await TestEngine.RunOneAsync(engine);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Reply.Attempts);
        Assert.Contains("400", result.Failure);
    }

    [Fact]
    public async Task A_malformed_reply_text_is_still_a_successful_call()
    {
        var options = new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.MalformedReply) };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        var result = await TestEngine.RunOneAsync(engine);

        Assert.True(result.Succeeded);
        Assert.DoesNotContain("Answer:", result.Text);
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

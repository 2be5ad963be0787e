using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class OllamaEngineConcurrencyTests
{
    [Theory]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(4, true)]
    public async Task Keeps_exactly_call_limit_requests_in_flight_under_load(int callLimit, bool stream)
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = TimeSpan.FromMilliseconds(40) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { CallLimit = callLimit, Stream = stream });

        var results = await engine.RunAsync(
            Enumerable.Range(0, callLimit * 5).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)),
            CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.Equal(callLimit, server.Log.PeakConcurrency);
    }

    [Fact]
    public async Task Retries_stay_within_the_call_limit()
    {
        var options = new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(10),
            Faults = FaultPlan.Random(0.4, seed: 3, [FakeFault.ServerError(503), FakeFault.Reset]),
        };
        await using var server = await FakeOllamaServer.StartAsync(options);
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { CallLimit = 3, MaxRetries = 10 });

        var results = await engine.RunAsync(
            Enumerable.Range(0, 30).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)),
            CancellationToken.None);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Failure));
        Assert.True(server.Log.PeakConcurrency <= 3, $"peak {server.Log.PeakConcurrency}");
        Assert.True(engine.Statistics.HttpAttempts > 30);
    }
}

using Dgt.Runtime.Engines.Flow;

namespace Dgt.Runtime.Tests.Engines.Flow;

public sealed class EndpointFlowTests
{
    private static readonly TokenUsage TenTokens = new(20, 9);

    [Fact]
    public void Replies_slowing_to_well_above_their_usual_pace_halve_the_limit_and_a_steady_pace_grows_it_back()
    {
        var clock = new ManualClock();
        var flow = new EndpointFlow(clock);
        flow.Accept(new FlowSettings(CallLimit: 8));
        for (var i = 0; i < 20; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            flow.OnSuccess(TimeSpan.FromMilliseconds(50), TenTokens, 0);
        }

        Assert.Equal(8, flow.Limit);
        for (var i = 0; i < 40 && flow.Limit == 8; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(500));
            flow.OnSuccess(TimeSpan.FromMilliseconds(500), TenTokens, 0);
        }

        Assert.Equal(4, flow.Limit);
        for (var i = 0; i < 400; i++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            flow.OnSuccess(TimeSpan.FromMilliseconds(50), TenTokens, 0);
        }

        Assert.Equal(8, flow.Limit);
    }

    [Fact]
    public void A_burst_of_429s_within_one_round_trip_halves_the_limit_once()
    {
        var clock = new ManualClock();
        var flow = new EndpointFlow(clock);
        flow.Accept(new FlowSettings(CallLimit: 16));
        clock.Advance(TimeSpan.FromSeconds(1));

        for (var i = 0; i < 10; i++)
        {
            flow.OnThrottled(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(8, flow.Limit);
        clock.Advance(TimeSpan.FromMilliseconds(150));
        flow.OnThrottled(TimeSpan.FromMilliseconds(100));
        Assert.Equal(4, flow.Limit);
        Assert.Equal(4, flow.LowestLimit);
    }

    [Fact]
    public void The_lowest_call_limit_of_the_blocks_sharing_an_endpoint_is_its_ceiling()
    {
        var registry = new FlowRegistry(TimeProvider.System);
        var key = EndpointKey.For("openai", new Uri("http://h/v1/"), "sk-1");

        var first = registry.Join(key, new FlowSettings(10, MaxRequestsPerMinute: 600));
        var second = registry.Join(EndpointKey.For("openai", new Uri("http://h/v1"), "sk-1"), new FlowSettings(4, MaxRequestsPerMinute: 900));

        Assert.Same(first, second);
        Assert.Equal(4, first.Limit);
        Assert.Equal(600, first.MaxRequestsPerMinute);
        Assert.DoesNotContain("sk-1", key.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A clock that moves only when told, so cooldowns are exact.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}

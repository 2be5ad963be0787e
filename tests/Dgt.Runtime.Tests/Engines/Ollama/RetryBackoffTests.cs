using Dgt.Runtime.Engines.Calls;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1, 1.0)]
    [InlineData(3, 4.0)]
    [InlineData(6, 30.0)]
    [InlineData(60, 30.0)]
    public void The_ceiling_doubles_from_half_a_second_up_to_thirty(int retry, double ceilingSeconds)
    {
        var highest = RetryBackoff.Default with { Draw = () => 1.0 };

        Assert.Equal(ceilingSeconds, highest.DelayBefore(retry, retryAfter: null).TotalSeconds, 6);
    }

    [Fact]
    public void Full_jitter_draws_anywhere_between_zero_and_the_ceiling()
    {
        Assert.Equal(TimeSpan.Zero, (RetryBackoff.Default with { Draw = () => 0.0 }).DelayBefore(4, null));
        Assert.Equal(2.0, (RetryBackoff.Default with { Draw = () => 0.25 }).DelayBefore(4, null).TotalSeconds, 6);
    }

    [Fact]
    public void A_server_s_retry_after_wins_up_to_its_cap()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), RetryBackoff.Default.DelayBefore(0, TimeSpan.FromSeconds(7)));
        Assert.Equal(TimeSpan.FromMinutes(5), RetryBackoff.Default.DelayBefore(0, TimeSpan.FromHours(1)));
    }
}

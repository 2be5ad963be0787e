namespace Dgt.Runtime.Tests.Engines;

/// <summary>The live count of calls being sent, which the progress line shows.</summary>
public sealed class InFlightTests
{
    [Fact]
    public async Task Counts_the_calls_admitted_and_not_yet_answered_and_returns_to_zero()
    {
        var engine = new HeldEngine(callLimit: 2);

        var running = engine.RunAsync([LmRequest.Completion("a", 1), LmRequest.Completion("b", 2), LmRequest.Completion("c", 3)], CancellationToken.None);
        await engine.TwoStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // The limit admits two; the third waits at the gate and is not in flight.
        Assert.Equal(2, engine.Statistics.InFlight);
        engine.Release.SetResult();
        var results = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(3, results.Count);
        Assert.Equal(0, engine.Statistics.InFlight);
        Assert.Equal(3, engine.Statistics.Requests);
    }

    /// <summary>Holds every call until released; signals once two are being sent.</summary>
    private sealed class HeldEngine(int callLimit) : LMProvider("generator", "m", callLimit, new GenerationOptions())
    {
        private int _started;

        public TaskCompletionSource TwoStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _started) == 2)
            {
                TwoStarted.SetResult();
            }

            await Release.Task.WaitAsync(cancellationToken);
            return LmReply.Success(call.Prompt!, new TokenUsage(1, 1));
        }
    }
}

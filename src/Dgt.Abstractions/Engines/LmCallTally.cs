namespace Dgt;

/// <summary>
/// Counts the LLM calls made on behalf of one unit of work (an attempt of the generation loop), whichever engines
/// make them. It is ambient: set around the work, it flows into every await of the builder and its engines, so
/// overlapping attempts are counted apart without builders passing anything along.
/// </summary>
public sealed class LmCallTally
{
    private static readonly AsyncLocal<LmCallTally?> CurrentTally = new();
    private long _requests;
    private long _failures;

    /// <summary>The tally of the work running in this flow, if any.</summary>
    public static LmCallTally? Current => CurrentTally.Value;

    /// <summary>Calls finished.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Calls that failed after their retries.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>Makes <paramref name="tally"/> current for work started until the scope is disposed.</summary>
    public static Scope Begin(LmCallTally tally)
    {
        var previous = CurrentTally.Value;
        CurrentTally.Value = tally;
        return new Scope(previous);
    }

    internal void Record(LmReply reply)
    {
        Interlocked.Increment(ref _requests);
        if (reply.Failure is not null)
        {
            Interlocked.Increment(ref _failures);
        }
    }

    /// <summary>Restores the tally that was current before.</summary>
    public readonly struct Scope : IDisposable
    {
        private readonly LmCallTally? _previous;

        internal Scope(LmCallTally? previous)
        {
            _previous = previous;
        }

        /// <inheritdoc />
        public void Dispose() => CurrentTally.Value = _previous;
    }
}

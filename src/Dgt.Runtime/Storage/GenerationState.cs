namespace Dgt.Runtime.Storage;

/// <summary>
/// The generation loop's position in one task, saved beside its rows after every attempt (see
/// <see cref="TaskStore{TData}.AppendAttemptAsync"/>) so that a rerun continues where the last one stopped.
/// </summary>
/// <param name="SeedCursor">How many seeds the recorded attempts consumed (the cursor wraps around the seed list).</param>
/// <param name="Attempts">Attempts recorded for the task, over all runs.</param>
public sealed record GenerationState(int SeedCursor, int Attempts)
{
    /// <summary>A task that has not run yet.</summary>
    public static GenerationState Start { get; } = new(0, 0);
}

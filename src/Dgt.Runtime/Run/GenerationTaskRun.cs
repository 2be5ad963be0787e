using Dgt.Runtime.Startup;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Run;

/// <summary>
/// One task inside the generation loop: its seeds and cursor, its rows, its store, and the counts that decide when it
/// ends. Rows are kept in generation order; <see cref="Accepted"/> holds those that survived the last postprocessing,
/// <see cref="Pending"/> those produced since.
/// </summary>
public sealed class GenerationTaskRun<TData> : IAsyncDisposable
    where TData : DataPoint
{
    private readonly List<TData> _accepted = [];
    private readonly List<TData> _pending = [];

    /// <summary>Creates the run of a task whose earlier rows (if any) are <paramref name="resumedRows"/>.</summary>
    public GenerationTaskRun(
        TaskDefinition definition,
        TaskStore<TData> store,
        IReadOnlyList<TData> seeds,
        GenerationState state,
        IReadOnlyList<TData> resumedRows)
    {
        Definition = definition;
        Store = store;
        Seeds = seeds;
        Cursor = new SeedCursor(seeds.Count, state.SeedCursor);
        Attempts = state.Attempts;
        Launched = state.Attempts;
        _pending.AddRange(resumedRows);
        ResumedRows = resumedRows.Count;
    }

    public TaskDefinition Definition { get; }

    /// <summary>The task's files; the task run owns it.</summary>
    public TaskStore<TData> Store { get; }

    public IReadOnlyList<TData> Seeds { get; }

    public SeedCursor Cursor { get; }

    public string Name => Definition.Name;

    public RunnerConfig Runner => Definition.Runner;

    /// <summary>Rows found on disk from an earlier run.</summary>
    public int ResumedRows { get; }

    /// <summary>Attempts this task took part in, over all runs.</summary>
    public int Attempts { get; private set; }

    /// <summary>Attempts started for this task, over all runs (recorded ones and the one in flight).</summary>
    public int Launched { get; private set; }

    /// <summary>True while another attempt may be started for this task.</summary>
    public bool CanLaunch => Runner.MaxGenRequests is not { } cap || Launched < cap;

    /// <summary>
    /// The most rows an input row has yielded in one attempt of this run (1 until an attempt shows more, as a builder
    /// whose engine makes several replies per request does).
    /// </summary>
    public double MostRowsPerInput { get; private set; } = 1;

    /// <summary>Attempts in a row that gave this task nothing.</summary>
    public int StalledAttempts { get; private set; }

    /// <summary>Postprocessing rounds in a row that added no accepted row.</summary>
    public int RoundsWithoutGain { get; private set; }

    /// <summary>Rows the builder returned for this task in this run.</summary>
    public long Generated { get; private set; }

    /// <summary>Rows dropped by postprocessors, in total.</summary>
    public long Rejected { get; private set; }

    /// <summary>Rows that survived the last postprocessing.</summary>
    public IReadOnlyList<TData> Accepted => _accepted;

    /// <summary>Rows produced since the last postprocessing.</summary>
    public IReadOnlyList<TData> Pending => _pending;

    /// <summary>Accepted and pending rows.</summary>
    public int Count => _accepted.Count + _pending.Count;

    /// <summary>Why the task left the loop, once it has.</summary>
    public TaskEndReason EndReason { get; set; }

    /// <summary>This attempt's input: the next seeds and a random sample of the machine rows.</summary>
    public IReadOnlyList<TData> TakeBatch(Random random)
    {
        Launched++;
        var seeds = Cursor.Take(Runner.EffectiveSeedBatchSize).Select(i => Seeds[i]);
        var machine = random.Sample([.. _accepted, .. _pending], Runner.MachineBatchSize);
        return [.. seeds, .. machine];
    }

    /// <summary>Appends the rows one attempt made from <paramref name="inputs"/> input rows, and makes them and the loop's position durable.</summary>
    /// <remarks>
    /// The saved seed cursor is where it stood after this attempt's batch, not where a later attempt already in
    /// flight moved it: a crash then re-uses that attempt's seeds rather than skipping them.
    /// </remarks>
    public async Task RecordAttemptAsync(IReadOnlyList<TData> rows, int inputs, int cursorAfterBatch, CancellationToken cancellationToken)
    {
        if (inputs > 0)
        {
            MostRowsPerInput = Math.Max(MostRowsPerInput, (double)rows.Count / inputs);
        }

        await Store.AppendAttemptAsync(rows, new GenerationState(cursorAfterBatch, Attempts + 1), cancellationToken).ConfigureAwait(false);
        _pending.AddRange(rows);
        Generated += rows.Count;
        Attempts++;
        StalledAttempts = rows.Count > 0 ? 0 : StalledAttempts + 1;
    }

    /// <summary>
    /// Replaces the rows with what postprocessing kept of them (<paramref name="rejected"/> more rows were dropped) and
    /// counts whether the round added an accepted row.
    /// </summary>
    public void AcceptPostprocessed(IReadOnlyList<TData> kept, int rejected)
    {
        var gained = kept.Count > _accepted.Count;
        _accepted.Clear();
        _accepted.AddRange(kept);
        _pending.Clear();
        Rejected += rejected;
        RoundsWithoutGain = gained ? 0 : RoundsWithoutGain + 1;
    }

    /// <summary>True when the task used up its attempt budget.</summary>
    public bool IsCapped => Runner.MaxGenRequests is { } cap && Attempts >= cap;

    /// <summary>True when too many attempts in a row gave nothing.</summary>
    public bool IsStalled => StalledAttempts >= Runner.MaxStalledRequests;

    /// <summary>
    /// How the task ends after a postprocessing round, or <see cref="TaskEndReason.None"/> while it should generate
    /// more: completed at its target, stalled (by attempts or by rounds that gained nothing), or capped.
    /// </summary>
    public TaskEndReason DecideAfterPostprocessing()
    {
        if (_accepted.Count >= Runner.NumOutputsToGenerate)
        {
            return TaskEndReason.Completed;
        }

        if (IsStalled || RoundsWithoutGain >= Runner.MaxStalledRequests)
        {
            return TaskEndReason.Stalled;
        }

        return IsCapped ? TaskEndReason.Capped : TaskEndReason.None;
    }

    /// <summary>The first N accepted rows: what the final store receives.</summary>
    public IEnumerable<TData> FinalRows => _accepted.Take(Runner.NumOutputsToGenerate);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Store.DisposeAsync();
}

using Dgt.Runtime.Storage;
using Dgt.Runtime.Tasks;

namespace Dgt.Runtime.Generation;

/// <summary>
/// One task inside the generation loop: its seeds and cursor, its rows, and its files. Rows are kept in generation
/// order; <see cref="Accepted"/> holds those that survived the last postprocessing, <see cref="Pending"/> those
/// produced since.
/// </summary>
public sealed class GenerationTaskRun<TData> : IAsyncDisposable
    where TData : DataPoint
{
    private readonly List<TData> _accepted = [];
    private readonly List<TData> _pending = [];
    private readonly JsonlAppender _data;
    private readonly RowCodec<TData> _codec;

    /// <summary>Creates the run of a task whose earlier rows (if any) are <paramref name="resumedRows"/>.</summary>
    public GenerationTaskRun(
        TaskDefinition definition,
        TaskOutputLayout layout,
        IReadOnlyList<TData> seeds,
        RowCodec<TData> codec,
        GenerationState state,
        IReadOnlyList<TData> resumedRows)
    {
        Definition = definition;
        Layout = layout;
        Seeds = seeds;
        _codec = codec;
        Cursor = new SeedCursor(seeds.Count, state.SeedCursor);
        Attempts = state.Attempts;
        Launched = state.Attempts;
        _pending.AddRange(resumedRows);
        ResumedRows = resumedRows.Count;
        _data = new JsonlAppender(layout.Data);
    }

    public TaskDefinition Definition { get; }

    public TaskOutputLayout Layout { get; }

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

    /// <summary>Rows the builder returned for this task in this run.</summary>
    public long Generated { get; private set; }

    /// <summary>Rows dropped by postprocessors, in total.</summary>
    public long Rejected { get; set; }

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

        foreach (var row in rows)
        {
            await _data.AppendAsync(RowJson.Serialize(_codec, row), cancellationToken).ConfigureAwait(false);
        }

        await _data.FlushAsync(cancellationToken).ConfigureAwait(false);
        _pending.AddRange(rows);
        Generated += rows.Count;
        Attempts++;
        StalledAttempts = rows.Count > 0 ? 0 : StalledAttempts + 1;
        await new GenerationState(cursorAfterBatch, Attempts).SaveAsync(Layout.State, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the rows with what postprocessing kept of them.</summary>
    public void AcceptPostprocessed(IReadOnlyList<TData> kept)
    {
        _accepted.Clear();
        _accepted.AddRange(kept);
        _pending.Clear();
    }

    /// <summary>True when the task used up its attempt budget.</summary>
    public bool IsCapped => Runner.MaxGenRequests is { } cap && Attempts >= cap;

    /// <summary>True when too many attempts in a row gave nothing.</summary>
    public bool IsStalled => StalledAttempts >= Runner.MaxStalledRequests;

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _data.DisposeAsync();
}

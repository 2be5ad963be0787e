using Dgt.Runtime.Reporting;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Run;

/// <summary>
/// The generation loop of one builder over all of its tasks: it schedules attempts until each task has its rows
/// (checked after postprocessing), stalls, or uses up its attempts, and routes each attempt's rows to their tasks.
/// </summary>
public sealed class GenerationLoop<TData>
    where TData : DataPoint
{
    private readonly GenerationDataBuilder<TData> _builder;
    private readonly PostprocessingPipeline<TData> _postprocessing;
    private readonly IReadOnlyList<GenerationTaskRun<TData>> _tasks;
    private readonly RunLog _log;
    private readonly RunProgress _progress;
    private readonly Dictionary<string, TaskInfo> _taskInfo;
    private readonly AllRequestsFailedWatch _allFailed;

    public GenerationLoop(
        GenerationDataBuilder<TData> builder,
        PostprocessingPipeline<TData> postprocessing,
        IReadOnlyList<GenerationTaskRun<TData>> tasks,
        RunLog log,
        RunProgress progress,
        IReadOnlyList<LMProvider> engines)
    {
        _builder = builder;
        _postprocessing = postprocessing;
        _tasks = tasks;
        _allFailed = new AllRequestsFailedWatch(engines);
        _log = log;
        _progress = progress;
        _taskInfo = tasks.ToDictionary(t => t.Name, t => new TaskInfo(t.Name, t.Definition.Description, t.Definition.CreatedBy), StringComparer.Ordinal);
    }

    /// <summary>Runs every task to its end (<see cref="GenerationTaskRun{TData}.EndReason"/> says which).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var attempt = _tasks.Count == 0 ? 0 : _tasks.Max(t => t.Attempts);
        var active = _tasks.ToList();
        while (active.Count > 0)
        {
            var generating = active.Where(t => !IsReadyForPostprocessing(t)).ToList();
            var toPostprocess = active.Except(generating).ToList();
            attempt = await GenerateAsync(attempt, generating, toPostprocess, cancellationToken).ConfigureAwait(false);

            active.Clear();
            foreach (var task in toPostprocess)
            {
                await _postprocessing.RunRoundAsync(task, _log, cancellationToken).ConfigureAwait(false);
                _progress.Postprocessed(task.Name);
                task.EndReason = task.DecideAfterPostprocessing();
                if (task.EndReason == TaskEndReason.None)
                {
                    _log.Info($"{task.Accepted.Count} of {task.Runner.NumOutputsToGenerate} rows after postprocessing; generating more.", task.Name);
                    active.Add(task);
                }
            }
        }
    }

    /// <summary>
    /// Runs attempts until every generating task is ready for postprocessing. Two attempts overlap: attempt k+1 is
    /// built and started as soon as attempt k starts, so its requests queue behind k's slowest ones and the endpoint
    /// stays busy. Attempt k+1 samples machine rows recorded through attempt k-1 (never timing-dependent), results
    /// are recorded strictly in attempt order, and the overlap is drained before any postprocessing, so every row
    /// produced is postprocessed.
    /// </summary>
    private async Task<int> GenerateAsync(
        int attempt, List<GenerationTaskRun<TData>> generating, List<GenerationTaskRun<TData>> toPostprocess, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        LaunchedAttempt? next = null;
        try
        {
            while (true)
            {
                var current = next ?? Launch(ref attempt, generating, stop.Token);
                if (current is null)
                {
                    return attempt;
                }

                next = MayOverlap(current) ? Launch(ref attempt, generating, stop.Token) : null;
                await RecordAsync(current, cancellationToken).ConfigureAwait(false);
                if (MoveReady(generating, toPostprocess) && next is not null)
                {
                    await RecordAsync(next, cancellationToken).ConfigureAwait(false);
                    MoveReady(generating, toPostprocess);
                    next = null;
                }
            }
        }
        finally
        {
            if (next is not null)
            {
                // Only reached on failure or cancellation: stop the overlapping attempt and wait for it to let go.
                await stop.CancelAsync().ConfigureAwait(false);
                await next.Outputs.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether the next attempt may start before <paramref name="current"/> is recorded: only while no task of it could
    /// be done after it (by its target, at the most rows per input seen so far, by its stall limit or by its cap), so the
    /// overlap never buys an attempt the rules would not have made; and only once every task has enough machine rows
    /// to fill its batch without the current attempt's, so starting early never makes a batch smaller.
    /// </summary>
    private static bool MayOverlap(LaunchedAttempt current) =>
        current.Tasks.All(task =>
            task.Count >= task.Runner.MachineBatchSize &&
            task.Count + Math.Ceiling(current.InputsPerTask[task.Name] * task.MostRowsPerInput) < task.Runner.NumOutputsToGenerate &&
            task.StalledAttempts + 1 < task.Runner.MaxStalledRequests &&
            task.CanLaunch);

    private LaunchedAttempt? Launch(ref int attempt, List<GenerationTaskRun<TData>> generating, CancellationToken cancellationToken)
    {
        var tasks = generating.Where(t => t.CanLaunch).ToList();
        if (tasks.Count == 0)
        {
            return null;
        }

        attempt++;

        // One random source per attempt, so a run's sampling depends only on the attempt number.
        var random = new Random(unchecked((attempt * 1_000_003) ^ 0x5eed));
        var pool = new List<TData>();
        var cursors = new Dictionary<string, int>(StringComparer.Ordinal);
        var inputs = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var task in tasks)
        {
            var taskBatch = task.TakeBatch(random);
            pool.AddRange(taskBatch);
            cursors[task.Name] = task.Cursor.Position;
            inputs[task.Name] = taskBatch.Count;
        }

        var batch = new GenerationBatch<TData>(attempt, pool, random, _taskInfo);
        var tally = new LmCallTally();
        using (LmCallTally.Begin(tally))
        {
            return new LaunchedAttempt(attempt, tasks, cursors, inputs, tally, _builder.RunAttemptAsync(batch, cancellationToken));
        }
    }

    private static bool MoveReady(List<GenerationTaskRun<TData>> generating, List<GenerationTaskRun<TData>> toPostprocess)
    {
        var ready = generating.Where(IsReadyForPostprocessing).ToList();
        foreach (var task in ready)
        {
            generating.Remove(task);
            toPostprocess.Add(task);
        }

        return ready.Count > 0;
    }

    private async Task RecordAsync(LaunchedAttempt launched, CancellationToken cancellationToken)
    {
        var outputs = await launched.Outputs.ConfigureAwait(false);
        _allFailed.Observe(launched.Calls.Requests, launched.Calls.Failures, launched.Tasks.Min(t => t.Runner.MaxStalledRequests));
        var attempt = launched.Number;
        var generating = launched.Tasks;
        var routed = generating.ToDictionary(t => t.Name, _ => new List<TData>(), StringComparer.Ordinal);
        var unrouted = 0;
        foreach (var row in outputs)
        {
            if (routed.TryGetValue(row.TaskName, out var rows))
            {
                rows.Add(row with { IsSeed = false });
            }
            else
            {
                unrouted++;
            }
        }

        if (unrouted > 0)
        {
            _log.Warning($"Attempt {attempt}: {unrouted} rows named no active task in task_name and were dropped.");
        }

        foreach (var task in generating)
        {
            await task.RecordAttemptAsync(routed[task.Name], launched.InputsPerTask[task.Name], launched.CursorsAfter[task.Name], cancellationToken).ConfigureAwait(false);
        }

        await _log.FlushAsync().ConfigureAwait(false);
        _progress.AttemptFinished(attempt);
        _log.Debug($"Attempt {attempt}: " + string.Join(", ", generating.Select(t => $"{t.Name} +{routed[t.Name].Count} ({t.Count}/{t.Runner.NumOutputsToGenerate})")));
    }

    /// <summary>An attempt in flight: its tasks, where their seed cursors stood after its batch, and its outputs.</summary>
    private sealed record LaunchedAttempt(
        int Number,
        List<GenerationTaskRun<TData>> Tasks,
        Dictionary<string, int> CursorsAfter,
        Dictionary<string, int> InputsPerTask,
        LmCallTally Calls,
        Task<IReadOnlyList<TData>> Outputs);

    private static bool IsReadyForPostprocessing(GenerationTaskRun<TData> task) =>
        task.Count >= task.Runner.NumOutputsToGenerate || task.IsStalled || task.IsCapped;
}

using Dgt.Runtime.Reporting;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Generation;

/// <summary>
/// The generation loop of one builder over all of its tasks: attempts until each task has its rows (checked after
/// postprocessing), stalls, or uses up its attempts; then each task's first N accepted rows become its final data.
/// </summary>
public sealed class GenerationLoop<TData>
    where TData : DataPoint
{
    private readonly GenerationDataBuilder<TData> _builder;
    private readonly PostprocessingPipeline<TData> _postprocessing;
    private readonly IReadOnlyList<GenerationTaskRun<TData>> _tasks;
    private readonly RowCodec<TData> _codec;
    private readonly RunLog _log;
    private readonly RunProgress _progress;
    private readonly Dictionary<string, TaskInfo> _taskInfo;
    private readonly Dictionary<string, int> _epochsWithoutGain = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<LMProvider> _engines;
    private int _attemptsAllFailed;
    private long _requestsAllFailed;

    public GenerationLoop(
        GenerationDataBuilder<TData> builder,
        PostprocessingPipeline<TData> postprocessing,
        IReadOnlyList<GenerationTaskRun<TData>> tasks,
        RowCodec<TData> codec,
        RunLog log,
        RunProgress progress,
        IReadOnlyList<LMProvider> engines)
    {
        _engines = engines;
        _builder = builder;
        _postprocessing = postprocessing;
        _tasks = tasks;
        _codec = codec;
        _log = log;
        _progress = progress;
        _taskInfo = tasks.ToDictionary(t => t.Name, t => new TaskInfo(t.Name, t.Definition.Description, t.Definition.CreatedBy), StringComparer.Ordinal);
    }

    /// <summary>Runs every task to its end and writes its final data.</summary>
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
                await PostprocessAsync(task, cancellationToken).ConfigureAwait(false);
                task.EndReason = Decide(task);
                if (task.EndReason == TaskEndReason.None)
                {
                    _log.Info($"{task.Accepted.Count} of {task.Runner.NumOutputsToGenerate} rows after postprocessing; generating more.", task.Name);
                    active.Add(task);
                }
            }
        }

        foreach (var task in _tasks)
        {
            await WriteFinalDataAsync(task, cancellationToken).ConfigureAwait(false);
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
        CheckNotEverythingFailing(launched.Calls.Requests, launched.Calls.Failures, launched.Tasks);
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

    private void CheckNotEverythingFailing(long requests, long failures, List<GenerationTaskRun<TData>> generating)
    {
        if (requests == 0 || failures < requests)
        {
            _attemptsAllFailed = 0;
            _requestsAllFailed = 0;
            return;
        }

        _attemptsAllFailed++;
        _requestsAllFailed += requests;
        var limit = generating.Min(t => t.Runner.MaxStalledRequests);
        if (_attemptsAllFailed >= limit)
        {
            var reason = _engines.Select(e => e.Statistics.LastFailure).LastOrDefault(f => f is not null) ?? "unknown";
            throw new AllRequestsFailedException(
                $"All {_requestsAllFailed} requests of the last {_attemptsAllFailed} attempts failed after their retries; the last failure: {reason} " +
                "Check the server and the block's options (model_id_or_path, base_url, timeout); the rows produced so far are on disk.");
        }
    }

    private static bool IsReadyForPostprocessing(GenerationTaskRun<TData> task) =>
        task.Count >= task.Runner.NumOutputsToGenerate || task.IsStalled || task.IsCapped;

    private async Task PostprocessAsync(GenerationTaskRun<TData> task, CancellationToken cancellationToken)
    {
        var before = task.Accepted.Count;
        if (_postprocessing.IsEmpty)
        {
            task.AcceptPostprocessed([.. task.Accepted, .. task.Pending]);
        }
        else
        {
            var total = task.Count;
            _log.Info($"Postprocessing {total} rows.", task.Name);
            var result = await _postprocessing.RunAsync([.. task.Accepted, .. task.Pending], cancellationToken).ConfigureAwait(false);
            task.AcceptPostprocessed(result.Kept);
            await WriteRejectsAsync(task, result, cancellationToken).ConfigureAwait(false);
            _log.Info($"Postprocessing kept {result.Kept.Count} of {total} rows.", task.Name);
        }

        var gained = task.Accepted.Count > before;
        _epochsWithoutGain[task.Name] = gained ? 0 : _epochsWithoutGain.GetValueOrDefault(task.Name) + 1;
        _progress.Postprocessed(task.Name);
    }

    private TaskEndReason Decide(GenerationTaskRun<TData> task)
    {
        if (task.Accepted.Count >= task.Runner.NumOutputsToGenerate)
        {
            return TaskEndReason.Completed;
        }

        if (task.IsStalled || _epochsWithoutGain[task.Name] >= task.Runner.MaxStalledRequests)
        {
            return TaskEndReason.Stalled;
        }

        return task.IsCapped ? TaskEndReason.Capped : TaskEndReason.None;
    }

    private readonly Dictionary<(string Task, string Block), List<string>> _rejects = [];

    private async Task WriteRejectsAsync(GenerationTaskRun<TData> task, PostprocessingResult<TData> result, CancellationToken cancellationToken)
    {
        task.Rejected += result.Rejected.Count;
        foreach (var group in result.Rejected.GroupBy(r => r.Block))
        {
            var key = (task.Name, group.Key);
            if (!_rejects.TryGetValue(key, out var lines))
            {
                lines = [];
                _rejects[key] = lines;
            }

            lines.AddRange(group.Select(r => RejectLine(r.Row, group.Key, r.Verdict)));

            // Rewritten whole: a resumed run re-decides every row, and a reject must never be listed twice.
            await AtomicFile.WriteLinesAsync(task.Layout.BlockRejects(group.Key), lines, cancellationToken).ConfigureAwait(false);
        }
    }

    private string RejectLine(TData row, string block, Validation verdict) => RowJson.Write(writer =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName("row");
        _codec.Write(writer, row);
        writer.WriteString("block", block);
        writer.WriteBoolean("is_valid", false);
        if (verdict.Score is { } score)
        {
            writer.WriteNumber("score", Math.Round(score, 6));
        }

        writer.WriteString("reason", verdict.Reason ?? "rejected");
        writer.WriteEndObject();
    });

    private async Task WriteFinalDataAsync(GenerationTaskRun<TData> task, CancellationToken cancellationToken)
    {
        var final = task.Accepted.Take(task.Runner.NumOutputsToGenerate).Select(row => RowJson.Serialize(_codec, row)).ToList();
        _log.Info($"Writing {final.Count} rows to {task.Layout.FinalData}.", task.Name);
        await AtomicFile.WriteLinesAsync(task.Layout.FinalData, final, cancellationToken).ConfigureAwait(false);
    }
}

using System.Diagnostics;
using System.Text.Json;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Reporting;
using Dgt.Runtime.Startup;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Run;

/// <summary>A checked generation builder with its blocks bound and its tasks' seeds read.</summary>
public sealed class PreparedBuilder<TData>(
    GenerationBuilderRegistration<TData> registration,
    GenerationDataBuilder<TData> builder,
    BuilderDefinition definition,
    BlockSet blocks,
    PostprocessingPipeline<TData> postprocessing,
    IReadOnlyList<(TaskDefinition Task, List<TData> Seeds)> tasks,
    IReadOnlyList<AddedBlock> addedBlocks) : IPreparedBuilder
    where TData : DataPoint
{
    public string Name => registration.Name;

    public IReadOnlyList<TaskDefinition> Tasks => [.. tasks.Select(t => t.Task)];

    public IReadOnlyList<IBlock> Blocks => blocks.All;

    public IReadOnlyDictionary<string, long> Counters => builder.Counters;

    public IReadOnlyList<AddedBlock> AddedBlocks => addedBlocks;

    public async Task<IReadOnlyList<TaskOutcome>> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var runs = new List<GenerationTaskRun<TData>>();
        foreach (var added in addedBlocks)
        {
            context.Log.Info($"Builder {Name}: {added}.");
        }

        try
        {
            foreach (var (task, seeds) in tasks)
            {
                runs.Add(await OpenTaskAsync(task, seeds, context, cancellationToken).ConfigureAwait(false));
            }

            foreach (var engine in blocks.All.OfType<LMProvider>())
            {
                context.Progress.Track(engine);
            }

            var loop = new GenerationLoop<TData>(builder, postprocessing, runs, context.Log, context.Progress, [.. blocks.All.OfType<LMProvider>()]);
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);
            foreach (var run in runs)
            {
                var final = run.FinalRows.ToList();
                context.Log.Info($"Writing {final.Count} rows to {run.Store.Layout.FinalData}.", run.Name);
                await run.Store.WriteFinalAsync(final, cancellationToken).ConfigureAwait(false);
            }

            var outcomes = runs.Select(Outcome).ToList();
            foreach (var (run, outcome) in runs.Zip(outcomes))
            {
                var status = outcome.EndReason == TaskEndReason.Completed ? "completed" : "incomplete";
                var message = outcome.EndReason switch
                {
                    TaskEndReason.Stalled => $"stalled: {run.Runner.MaxStalledRequests} attempts or postprocessing rounds in a row added no rows",
                    TaskEndReason.Capped => $"capped: max_gen_requests ({run.Runner.MaxGenRequests}) attempts used",
                    _ => null,
                };
                await WriteStatusAsync(run, status, message, clock.Elapsed, CancellationToken.None).ConfigureAwait(false);
                context.Log.Info($"Finished ({status}): {outcome.FinalRows} of {outcome.Target} rows in {run.Store.Layout.FinalData}", run.Name);
            }

            return outcomes;
        }
        catch (OperationCanceledException)
        {
            await WriteStatusForAllAsync(runs, "cancelled", "interrupted; every row produced so far is on disk", clock.Elapsed).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception)
        {
            await WriteStatusForAllAsync(runs, "errored", exception.Message, clock.Elapsed).ConfigureAwait(false);
            throw;
        }
        finally
        {
            await context.Log.FlushAsync().ConfigureAwait(false);
            foreach (var run in runs)
            {
                await run.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<GenerationTaskRun<TData>> OpenTaskAsync(
        TaskDefinition task, List<TData> seeds, RunContext context, CancellationToken cancellationToken)
    {
        var store = TaskStore<TData>.Open(context.Locks.For(task.Name), registration.Codec, task.Runner.RestartGeneration, definition.Blocks.Select(b => b.Name));
        GenerationTaskRun<TData> run;
        try
        {
            context.Log.AttachTask(task.Name, store.OpenLog());
            var problems = new List<ConfigProblem>();
            var resumed = store.ReadEarlierRows(task.Name, message => context.Log.Warning(message, task.Name), problems);
            if (problems.Count > 0)
            {
                throw new RunFailureException(
                    $"The earlier output of task '{task.Name}' cannot be resumed:\n  " + string.Join("\n  ", problems.Take(10)) +
                    "\nRun again with --restart-generation to start the task over.");
            }

            var state = store.LoadState();
            await store.AppendCardAsync(task, definition, context.BuildId, context.RunId, cancellationToken).ConfigureAwait(false);
            run = new GenerationTaskRun<TData>(task, store, seeds, state, resumed);
        }
        catch
        {
            await store.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        await WriteStatusAsync(run, "running", null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (run.ResumedRows > 0 || run.Attempts > 0)
        {
            context.Log.Info($"Resuming: {run.ResumedRows} rows already on disk after {run.Attempts} attempts; seeds continue at #{run.Cursor.Position + 1}.", task.Name);
        }

        context.Progress.Track(new TaskProgressSource(task.Name, task.Runner.NumOutputsToGenerate,
            () => Math.Min(run.Count, task.Runner.NumOutputsToGenerate), () => run.Generated, () => run.Rejected, () => run.Attempts));
        return run;
    }

    private TaskOutcome Outcome(GenerationTaskRun<TData> run) => new(
        run.Name, Name, run.EndReason, Math.Min(run.Accepted.Count, run.Runner.NumOutputsToGenerate),
        run.Runner.NumOutputsToGenerate, run.Generated, run.Rejected, run.Attempts, run.Store.Layout.Directory);

    private async Task WriteStatusForAllAsync(IEnumerable<GenerationTaskRun<TData>> runs, string status, string message, TimeSpan elapsed)
    {
        foreach (var run in runs)
        {
            try
            {
                await WriteStatusAsync(run, status, message, elapsed, CancellationToken.None).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // The original failure matters more than a status line that could not be written.
            }
        }
    }

    private Task WriteStatusAsync(GenerationTaskRun<TData> run, string status, string? message, TimeSpan elapsed, CancellationToken cancellationToken) =>
        run.Store.AppendStatusAsync(new TaskStatusLine
        {
            TaskName = run.Name,
            Status = status,
            Message = message,
            Elapsed = elapsed,
            TargetRows = run.Runner.NumOutputsToGenerate,
            AcceptedRows = run.Accepted.Count + run.Pending.Count,
            GeneratedRows = run.Generated,
            ResumedRows = run.ResumedRows,
            RejectedRows = run.Rejected,
            Attempts = run.Attempts,
            Engines = [.. blocks.All.OfType<LMProvider>()],
            BuilderCounters = builder.Counters,
        }, cancellationToken);
}

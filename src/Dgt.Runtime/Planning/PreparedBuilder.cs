using System.Diagnostics;
using System.Text.Json;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Building;
using Dgt.Runtime.Generation;
using Dgt.Runtime.Reporting;
using Dgt.Runtime.Storage;
using Dgt.Runtime.Tasks;

namespace Dgt.Runtime.Planning;

/// <summary>A checked generation builder with its blocks bound and its tasks' seeds read.</summary>
public sealed class PreparedBuilder<TData>(
    GenerationBuilderRegistration<TData> registration,
    GenerationDataBuilder<TData> builder,
    BuilderDefinition definition,
    BlockSet blocks,
    PostprocessingPipeline<TData> postprocessing,
    IReadOnlyList<(TaskDefinition Task, List<TData> Seeds)> tasks) : IPreparedBuilder
    where TData : DataPoint
{
    public string Name => registration.Name;

    public IReadOnlyList<TaskDefinition> Tasks => [.. tasks.Select(t => t.Task)];

    public IReadOnlyList<IBlock> Blocks => blocks.All;

    public IReadOnlyDictionary<string, long> Counters => builder.Counters;

    public async Task<IReadOnlyList<TaskOutcome>> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = Stopwatch.StartNew();
        var runs = new List<GenerationTaskRun<TData>>();
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

            var loop = new GenerationLoop<TData>(builder, postprocessing, runs, registration.Codec, context.Log, context.Progress, [.. blocks.All.OfType<LMProvider>()]);
            await loop.RunAsync(cancellationToken).ConfigureAwait(false);

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
                context.Log.Info($"Finished ({status}): {outcome.FinalRows} of {outcome.Target} rows in {run.Layout.FinalData}", run.Name);
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
        var layout = new TaskOutputLayout(TaskOutputLayout.ResolveRoot(task.Runner.OutputDir, context.Environment), task.Name);
        if (task.Runner.RestartGeneration)
        {
            TaskFiles.DeleteForRestart(layout, definition.Blocks.Select(b => b.Name));
        }

        Directory.CreateDirectory(layout.Directory);
        context.Log.AttachTask(task.Name, layout.Logs);
        var resumed = ReadEarlierRows(task, layout, context);
        var state = GenerationState.Load(layout.State);
        await TaskFiles.WriteCardAsync(layout, task, new BuilderSource(definition.FilePath, ""), definition, context, cancellationToken).ConfigureAwait(false);
        var run = new GenerationTaskRun<TData>(task, layout, seeds, registration.Codec, state, resumed);
        await WriteStatusAsync(run, "running", null, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        if (resumed.Count > 0 || state.Attempts > 0)
        {
            context.Log.Info($"Resuming: {resumed.Count} rows already on disk after {state.Attempts} attempts; seeds continue at #{state.SeedCursor + 1}.", task.Name);
        }

        context.Progress.Track(new TaskProgressSource(task.Name, task.Runner.NumOutputsToGenerate,
            () => Math.Min(run.Count, task.Runner.NumOutputsToGenerate), () => run.Generated, () => run.Rejected, () => run.Attempts));
        return run;
    }

    private List<TData> ReadEarlierRows(TaskDefinition task, TaskOutputLayout layout, RunContext context)
    {
        var problems = new List<ConfigProblem>();
        var rows = new List<TData>();
        foreach (var mapping in JsonlFile.ReadMappings(layout.Data, problems, message => context.Log.Warning(message, task.Name)))
        {
            var row = registration.Codec.Read(new YamlConfigMap(mapping, problems, "a row of data.jsonl"), task.Name);
            if (row is not null)
            {
                rows.Add(row);
            }
        }

        if (problems.Count > 0)
        {
            throw new RunFailureException(
                $"The earlier output of task '{task.Name}' cannot be resumed:\n  " + string.Join("\n  ", problems.Take(10)) +
                "\nRun again with --restart-generation to start the task over.");
        }

        return rows;
    }

    private TaskOutcome Outcome(GenerationTaskRun<TData> run) => new(
        run.Name, Name, run.EndReason, Math.Min(run.Accepted.Count, run.Runner.NumOutputsToGenerate),
        run.Runner.NumOutputsToGenerate, run.Generated, run.Rejected, run.Attempts, run.Layout.Directory);

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
        TaskFiles.WriteResultAsync(run.Layout, writer => WriteStatus(writer, run, status, message, elapsed), cancellationToken);

    private void WriteStatus(Utf8JsonWriter writer, GenerationTaskRun<TData> run, string status, string? message, TimeSpan elapsed)
    {
        var engines = blocks.All.OfType<LMProvider>().ToList();
        writer.WriteStartObject();
        writer.WriteString("task_name", run.Name);
        writer.WriteString("status", status);
        writer.WriteString("time", DateTimeOffset.UtcNow);
        writer.WriteNumber("pid", Environment.ProcessId);
        if (message is not null)
        {
            writer.WriteString("message", message);
        }

        writer.WriteStartObject("metrics");
        writer.WriteNumber("target_rows", run.Runner.NumOutputsToGenerate);
        writer.WriteNumber("accepted_rows", run.Accepted.Count + run.Pending.Count);
        writer.WriteNumber("generated_rows", run.Generated);
        writer.WriteNumber("resumed_rows", run.ResumedRows);
        writer.WriteNumber("rejected_rows", run.Rejected);
        writer.WriteNumber("attempts", run.Attempts);
        writer.WriteNumber("seconds", Math.Round(elapsed.TotalSeconds, 3));
        writer.WriteStartObject("blocks");
        foreach (var engine in engines)
        {
            writer.WriteStartObject(engine.Name);
            writer.WriteNumber("requests", engine.Statistics.Requests);
            writer.WriteNumber("failed_requests", engine.Statistics.Failures);
            writer.WriteNumber("http_attempts", engine.Statistics.HttpAttempts);
            writer.WriteNumber("cache_hits", engine.Statistics.CacheHits);
            writer.WriteNumber("lowest_concurrency_limit", engine.Statistics.LowestConcurrencyLimit);
            writer.WriteNumber("peak_in_flight", engine.Statistics.PeakInFlight);
            writer.WriteNumber("prompt_tokens", engine.Statistics.PromptTokens);
            writer.WriteNumber("completion_tokens", engine.Statistics.CompletionTokens);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("builder");
        foreach (var (name, value) in builder.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

using System.Text.Json;
using Dgt.Runtime.Storage;
using Dgt.Runtime.Tasks;

namespace Dgt.Runtime.Planning;

/// <summary>The bookkeeping files of a task: restart clean-up, the task card and status lines.</summary>
public static class TaskFiles
{
    /// <summary>Removes the task's own files, and nothing else (never the output directory as a whole).</summary>
    public static void DeleteForRestart(TaskOutputLayout layout, IEnumerable<string> blockNames)
    {
        ArgumentNullException.ThrowIfNull(layout);
        string[] files = [layout.Data, layout.FinalData, layout.State, layout.TaskCard, layout.TaskResults, layout.Logs];
        foreach (var file in files.Concat(blockNames.Select(layout.BlockRejects)))
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Appends this run's line to <c>task_card.jsonl</c>.</summary>
    public static async Task WriteCardAsync(
        TaskOutputLayout layout, TaskDefinition task, BuilderSource builder, Dgt.Configuration.Schema.BuilderDefinition definition,
        RunContext context, CancellationToken cancellationToken)
    {
        var line = RowJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("task_name", task.Name);
            writer.WriteString("data_builder", task.DataBuilder);
            writer.WriteString("build_id", context.BuildId);
            writer.WriteString("run_id", context.RunId);
            writer.WriteString("started_at", DateTimeOffset.UtcNow);
            writer.WriteString("task_file", task.FilePath);
            writer.WriteString("builder_file", builder.Path);
            writer.WriteString("fingerprint", TaskFingerprint.Compute(task, definition));
            writer.WritePropertyName("task_spec");
            ConfigNodeJson.Write(writer, task.Source);
            writer.WritePropertyName("runner_config");
            WriteRunner(writer, task.Runner);
            writer.WritePropertyName("databuilder_spec");
            ConfigNodeJson.Write(writer, definition.Source);
            writer.WriteEndObject();
        });
        await AppendLineAsync(layout.TaskCard, line, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Appends a status line to <c>task_results.jsonl</c>.</summary>
    public static Task WriteResultAsync(TaskOutputLayout layout, Action<Utf8JsonWriter> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return AppendLineAsync(layout.TaskResults, RowJson.Write(write), cancellationToken);
    }

    private static void WriteRunner(Utf8JsonWriter writer, RunnerConfig runner)
    {
        writer.WriteStartObject();
        writer.WriteNumber("num_outputs_to_generate", runner.NumOutputsToGenerate);
        writer.WriteNumber("seed_batch_size", runner.EffectiveSeedBatchSize);
        writer.WriteNumber("machine_batch_size", runner.MachineBatchSize);
        writer.WriteBoolean("restart_generation", runner.RestartGeneration);
        writer.WriteNumber("max_stalled_requests", runner.MaxStalledRequests);
        if (runner.MaxGenRequests is { } cap)
        {
            writer.WriteNumber("max_gen_requests", cap);
        }

        writer.WriteEndObject();
    }

    private static async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        await using var appender = new JsonlAppender(path);
        await appender.AppendAsync(line, cancellationToken).ConfigureAwait(false);
        await appender.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

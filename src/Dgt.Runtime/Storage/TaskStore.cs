using System.Text.Json;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Configuration;
using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Storage;

/// <summary>
/// A task's directory, <c>&lt;output root&gt;/&lt;task_name&gt;/</c>, and the only writer in it. Rows go to the
/// intermediate store (<c>data.jsonl</c>, appended and made durable attempt by attempt, with the loop's position
/// beside it) and, once the task ends, to the final store (<c>final_data.jsonl</c>, written whole). Around them: the
/// rejects of each validator, the task card (a line per run), the status lines and the log.
/// </summary>
public sealed class TaskStore<TData> : IAsyncDisposable
    where TData : DataPoint
{
    private readonly RowCodec<TData> _codec;
    private JsonlAppender? _data;
    private readonly Dictionary<string, List<string>> _rejectLines = new(StringComparer.Ordinal);

    private TaskStore(TaskOutputLayout layout, RowCodec<TData> codec)
    {
        Layout = layout;
        _codec = codec;
    }

    /// <summary>Where the files are.</summary>
    public TaskOutputLayout Layout { get; }

    /// <summary>
    /// Opens the task's directory, which <paramref name="held"/> shows this run owns (no other run writes in it while
    /// this one does). A restart first removes the task's own files (and nothing else: never the directory as a
    /// whole, which may hold the user's files, nor the lock).
    /// </summary>
    public static TaskStore<TData> Open(TaskDirectoryLock held, RowCodec<TData> codec, bool restart, IEnumerable<string> blockNames)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(blockNames);
        var layout = held.Layout;
        if (restart)
        {
            string[] files = [layout.Data, layout.FinalData, layout.State, layout.TaskCard, layout.TaskResults, layout.Logs];
            foreach (var file in files.Concat(blockNames.Select(layout.BlockRejects)))
            {
                if (File.Exists(file))
                {
                    File.Delete(file);
                }
            }
        }

        // Whole-file writes a kill cut short leave a temporary file beside their target; this run owns the directory.
        AtomicFile.DeleteLeftovers(layout.Directory);
        AtomicFile.DeleteLeftovers(layout.BlocksDirectory);
        Directory.CreateDirectory(layout.Directory);
        return new TaskStore<TData>(layout, codec);
    }

    /// <summary>
    /// The rows an earlier run appended, read back through the codec. A torn last line is cut off (and reported through
    /// <paramref name="warn"/>); rows that cannot be read are added to <paramref name="problems"/>.
    /// </summary>
    public List<TData> ReadEarlierRows(string taskName, Action<string> warn, List<ConfigProblem> problems)
    {
        var rows = new List<TData>();
        foreach (var mapping in JsonlFile.ReadMappings(Layout.Data, problems, warn))
        {
            if (_codec.Read(new YamlConfigMap(mapping, problems, "a row of data.jsonl"), taskName) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    /// <summary>The loop's saved position; a missing file means a fresh start (start-up refused a damaged one).</summary>
    public GenerationState LoadState()
    {
        if (!File.Exists(Layout.State))
        {
            return GenerationState.Start;
        }

        var (state, damage) = GenerationState.Read(Layout.State);
        return state ?? throw new IOException(damage);
    }

    /// <summary>
    /// Appends one attempt's rows to the intermediate store and makes them durable, then saves the loop's position
    /// (atomically): a crash between the two re-runs the attempt's seeds rather than skipping them.
    /// </summary>
    public async Task AppendAttemptAsync(IReadOnlyList<TData> rows, GenerationState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(state);

        // Opened on the first append, after the earlier rows were read back (and a torn last line cut off).
        _data ??= new JsonlAppender(Layout.Data);
        foreach (var row in rows)
        {
            await _data.AppendAsync(RowJson.Serialize(_codec, row), cancellationToken).ConfigureAwait(false);
        }

        await _data.FlushAsync(cancellationToken).ConfigureAwait(false);
        var json = RowJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("seed_cursor", state.SeedCursor);
            writer.WriteNumber("attempts", state.Attempts);
            writer.WriteEndObject();
        });
        await AtomicFile.WriteLinesAsync(Layout.State, [json], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Adds rows a validator rejected to <c>blocks/&lt;block&gt;.jsonl</c>, with its score and reason. Each file is
    /// rewritten whole: a resumed run decides every row again, and a reject must never be listed twice.
    /// </summary>
    public async Task AddRejectsAsync(IReadOnlyList<(string Block, TData Row, Validation Verdict)> rejected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        foreach (var group in rejected.GroupBy(r => r.Block, StringComparer.Ordinal))
        {
            if (!_rejectLines.TryGetValue(group.Key, out var lines))
            {
                lines = [];
                _rejectLines[group.Key] = lines;
            }

            lines.AddRange(group.Select(r => RejectLine(r.Row, group.Key, r.Verdict)));
            await AtomicFile.WriteLinesAsync(Layout.BlockRejects(group.Key), lines, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes the final store whole (readers see the old file or the new one, never half of it).</summary>
    public Task WriteFinalAsync(IEnumerable<TData> rows, CancellationToken cancellationToken) =>
        AtomicFile.WriteLinesAsync(Layout.FinalData, rows.Select(row => RowJson.Serialize(_codec, row)).ToList(), cancellationToken);

    /// <summary>Appends this run's line to <c>task_card.jsonl</c>: what ran, from which files, with which configuration.</summary>
    public Task AppendCardAsync(TaskDefinition task, BuilderDefinition builder, string buildId, string runId, CancellationToken cancellationToken)
    {
        // A line a kill cut short gets its end, so this run's line stands on its own (readers pass over the torn one).
        EndTornLine(Layout.TaskCard);
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(builder);
        var line = RowJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("task_name", task.Name);
            writer.WriteString("data_builder", task.DataBuilder);
            writer.WriteString("build_id", buildId);
            writer.WriteString("run_id", runId);
            writer.WriteString("started_at", DateTimeOffset.UtcNow);
            writer.WriteString("task_file", task.FilePath);
            writer.WriteString("builder_file", builder.FilePath);
            writer.WriteString("fingerprint", TaskFingerprint.Compute(task, builder));
            writer.WritePropertyName("task_spec");
            ConfigNodeJson.Write(writer, task.Source);
            writer.WritePropertyName("runner_config");
            WriteRunner(writer, task.Runner);
            writer.WritePropertyName("databuilder_spec");
            ConfigNodeJson.Write(writer, builder.Source);
            writer.WriteEndObject();
        });
        return AppendLineAsync(Layout.TaskCard, line, cancellationToken);
    }

    /// <summary>Appends a status line to <c>task_results.jsonl</c>.</summary>
    public Task AppendStatusAsync(TaskStatusLine status, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(status);
        return AppendLineAsync(Layout.TaskResults, RowJson.Write(status.Write), cancellationToken);
    }

    /// <summary>Opens <c>logs.jsonl</c> for appending; the run's log owns (and disposes) what this returns.</summary>
    public JsonlAppender OpenLog() => new(Layout.Logs);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _data?.DisposeAsync() ?? ValueTask.CompletedTask;

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

    private static void EndTornLine(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            return;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        stream.Seek(-1, SeekOrigin.End);
        if (stream.ReadByte() != '\n')
        {
            stream.WriteByte((byte)'\n');
        }
    }

    private static async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        await using var appender = new JsonlAppender(path);
        await appender.AppendAsync(line, cancellationToken).ConfigureAwait(false);
        await appender.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}

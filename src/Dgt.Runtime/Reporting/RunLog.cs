using System.Text.Json;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Reporting;

/// <summary>
/// The run's log: human lines on the console (above the live progress line) and structured records in each task's
/// <c>logs.jsonl</c>. Run-level records go to every task's log.
/// </summary>
public sealed class RunLog : IAsyncDisposable
{
    private readonly ConsoleSurface _console;
    private readonly bool _debug;
    private readonly string _runId;
    private readonly string _buildId;
    private readonly Dictionary<string, JsonlAppender> _taskLogs = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public RunLog(ConsoleSurface console, bool debug, string runId, string buildId)
    {
        _console = console;
        _debug = debug;
        _runId = runId;
        _buildId = buildId;
    }

    /// <summary>Starts copying records to <paramref name="taskLog"/> (the task store's log) for <paramref name="task"/>; the log owns it from here.</summary>
    public void AttachTask(string task, JsonlAppender taskLog)
    {
        lock (_gate)
        {
            _taskLogs[task] = taskLog;
        }
    }

    public void Debug(string message, string? task = null) => Write(LogLevel.Debug, message, task);

    public void Info(string message, string? task = null) => Write(LogLevel.Info, message, task);

    public void Warning(string message, string? task = null) => Write(LogLevel.Warning, message, task);

    public void Error(string message, string? task = null) => Write(LogLevel.Error, message, task);

    /// <summary>Makes every record written so far durable.</summary>
    public async Task FlushAsync()
    {
        JsonlAppender[] logs;
        lock (_gate)
        {
            logs = [.. _taskLogs.Values];
        }

        foreach (var log in logs)
        {
            await log.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await FlushAsync().ConfigureAwait(false);
        foreach (var log in _taskLogs.Values)
        {
            await log.DisposeAsync().ConfigureAwait(false);
        }

        _taskLogs.Clear();
    }

    private void Write(LogLevel level, string message, string? task)
    {
        if (level != LogLevel.Debug || _debug)
        {
            var prefix = level switch
            {
                LogLevel.Warning => "warning: ",
                LogLevel.Error => "error: ",
                LogLevel.Debug => "debug: ",
                _ => "",
            };
            _console.WriteLine($"{DateTime.Now:HH:mm:ss} {prefix}{(task is null ? "" : "[" + task + "] ")}{message}");
        }

        var record = RowJson.Write(writer => WriteRecord(writer, level, message, task));
        lock (_gate)
        {
            foreach (var (name, log) in _taskLogs)
            {
                if (task is null || task == name)
                {
                    // Appends are buffered; the loop flushes them with each attempt.
                    log.Append(record);
                }
            }
        }
    }

    private void WriteRecord(Utf8JsonWriter writer, LogLevel level, string message, string? task)
    {
        writer.WriteStartObject();
        writer.WriteString("timestamp", DateTimeOffset.UtcNow);
        writer.WriteString("level", level.ToString().ToLowerInvariant());
        writer.WriteString("message", message);
        if (task is not null)
        {
            writer.WriteString("task_name", task);
        }

        writer.WriteString("build_id", _buildId);
        writer.WriteString("run_id", _runId);
        writer.WriteEndObject();
    }
}

using Dgt.Configuration.Schema;
using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Storage;

/// <summary>Where a task's files live: <c>&lt;output root&gt;/&lt;task_name&gt;/</c>.</summary>
public sealed class TaskOutputLayout
{
    /// <summary>Creates the layout of <paramref name="taskName"/> under <paramref name="outputRoot"/>.</summary>
    public TaskOutputLayout(string outputRoot, string taskName)
    {
        OutputRoot = Path.GetFullPath(outputRoot);
        Directory = Path.GetFullPath(Path.Combine(OutputRoot, taskName));
        var rootWithSeparator = OutputRoot.EndsWith(Path.DirectorySeparatorChar) ? OutputRoot : OutputRoot + Path.DirectorySeparatorChar;
        if (!Directory.StartsWith(rootWithSeparator, StringComparison.Ordinal))
        {
            // Task names are checked when the task file is read; this guards every other way a path could get here.
            throw new InvalidOperationException($"The task directory '{Directory}' lies outside the output directory '{OutputRoot}'.");
        }
    }

    /// <summary>The layout of <paramref name="task"/>: under its <c>output_dir</c>, else <c>$DGT_OUTPUT_DIR</c>, else <c>output</c>.</summary>
    public static TaskOutputLayout Of(TaskDefinition task, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new TaskOutputLayout(ResolveRoot(task.Runner.OutputDir, environment), task.Name);
    }

    /// <summary>The output root.</summary>
    public string OutputRoot { get; }

    /// <summary>The task's own directory.</summary>
    public string Directory { get; }

    /// <summary>Every row the builder returned, appended as produced.</summary>
    public string Data => Path.Combine(Directory, TaskNames.DataFile);

    /// <summary>The finished output.</summary>
    public string FinalData => Path.Combine(Directory, TaskNames.FinalDataFile);

    /// <summary>Where the loop's position (seed cursor, attempts) is kept for resuming.</summary>
    public string State => Path.Combine(Directory, TaskNames.StateFile);

    /// <summary>One line per run.</summary>
    public string TaskCard => Path.Combine(Directory, TaskNames.TaskCardFile);

    /// <summary>Status lines.</summary>
    public string TaskResults => Path.Combine(Directory, TaskNames.TaskResultsFile);

    /// <summary>Structured log records.</summary>
    public string Logs => Path.Combine(Directory, TaskNames.LogsFile);

    /// <summary>Rows a validator rejected.</summary>
    public string BlockRejects(string blockName) => Path.Combine(BlocksDirectory, blockName + ".jsonl");

    /// <summary>Where the validators' rejects are.</summary>
    public string BlocksDirectory => Path.Combine(Directory, TaskNames.BlocksDirectory);

    /// <summary>The output root in force: the configured one, else <c>$DGT_OUTPUT_DIR</c>, else <c>output</c>.</summary>
    public static string ResolveRoot(string? configured, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var root = configured ?? environment("DGT_OUTPUT_DIR");
        return string.IsNullOrWhiteSpace(root) ? "output" : root;
    }
}

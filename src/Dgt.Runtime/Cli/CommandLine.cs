using System.CommandLine;
using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Cli;

/// <summary>The <c>dgt</c> command line: a run (the default) and <c>validate</c>.</summary>
public sealed class CommandLine
{
    private readonly Option<string[]> _taskPaths = new("--task-path", "--task-paths")
    {
        Description = "A task YAML, or a directory searched for task.yaml files. Repeatable.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> _configPath = new("--config-path")
    {
        Description = "A file with overrides: databuilders, tasks and task_files.",
    };

    private readonly Option<string[]> _includeBuilderPaths = new("--include-builder-paths", "--include-bp")
    {
        Description = "Builder YAML files or directories that override the compiled-in builder YAMLs.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<int?> _numOutputs = new("--num-outputs-to-generate") { Description = "Rows wanted per task." };
    private readonly Option<int?> _seedBatchSize = new("--seed-batch-size") { Description = "Seeds per attempt." };
    private readonly Option<int?> _machineBatchSize = new("--machine-batch-size") { Description = "Machine rows per attempt." };
    private readonly Option<int?> _maxGenRequests = new("--max-gen-requests") { Description = "Most attempts per task." };
    private readonly Option<int?> _maxStalledRequests = new("--max-stalled-requests") { Description = "Attempts in a row without new rows before a task stops (default 5)." };
    private readonly Option<bool> _restart = new("--restart-generation", "--restart") { Description = "Start the tasks over instead of resuming." };
    private readonly Option<string?> _outputDir = new("--output-dir") { Description = "Output root (default $DGT_OUTPUT_DIR, else ./output)." };
    private readonly Option<bool> _saveFormatted = new("--save-formatted-output") { Description = "Also write formatted output." };
    private readonly Option<string?> _lmCache = new("--lm-cache") { Description = "A SQLite file caching every engine's responses (blocks without their own lm_cache)." };
    private readonly Option<string?> _buildId = new("--build-id") { Description = "An id for this experiment, recorded in the task card." };
    private readonly Option<bool> _debug = new("--debug") { Description = "Show debug messages." };

    private readonly RootCommand _root;
    private readonly Command _validate;

    public CommandLine()
    {
        _root = new RootCommand("dgt: generate and transform data with large language models.");
        _validate = new Command("validate", "Check the task files and builder configuration, send nothing, write nothing.");
        foreach (var option in Options())
        {
            _root.Options.Add(option);
            _validate.Options.Add(option);
        }

        _root.Subcommands.Add(_validate);

        // The work happens after parsing; actions only make both commands valid on their own.
        _root.SetAction(_ => ExitCodes.Success);
        _validate.SetAction(_ => ExitCodes.Success);
    }

    /// <summary>Parses <paramref name="args"/>; on help, version or errors, returns the exit code to stop with instead.</summary>
    public (RunRequest? Request, int ExitCode) Parse(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = _root.Parse([.. args]);
        if (args.Any(a => a is "-h" or "--help" or "-?" or "--version"))
        {
            return (null, result.Invoke(new InvocationConfiguration { Output = output, Error = error }));
        }

        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            error.WriteLine("Run 'dgt --help' for the options.");
            return (null, ExitCodes.ConfigurationError);
        }

        var request = new RunRequest
        {
            ValidateOnly = result.CommandResult.Command == _validate,
            TaskPaths = result.GetValue(_taskPaths) ?? [],
            ConfigPath = result.GetValue(_configPath),
            IncludeBuilderPaths = result.GetValue(_includeBuilderPaths) ?? [],
            BuildId = result.GetValue(_buildId),
            LmCache = result.GetValue(_lmCache),
            Debug = result.GetValue(_debug),
            Overrides = new RunnerOverrides
            {
                NumOutputsToGenerate = result.GetValue(_numOutputs),
                SeedBatchSize = result.GetValue(_seedBatchSize),
                MachineBatchSize = result.GetValue(_machineBatchSize),
                MaxGenRequests = result.GetValue(_maxGenRequests),
                MaxStalledRequests = result.GetValue(_maxStalledRequests),
                RestartGeneration = result.GetValue(_restart) ? true : null,
                OutputDir = result.GetValue(_outputDir),
                SaveFormattedOutput = result.GetValue(_saveFormatted) ? true : null,
            },
        };
        if (request.TaskPaths.Count == 0 && request.ConfigPath is null)
        {
            error.WriteLine("error: no task given.");
            error.WriteLine("Pass --task-path tasks/public/test/geography_qa/task.yaml (or a directory of task.yaml files), or --config-path with task_files.");
            return (null, ExitCodes.ConfigurationError);
        }

        return (request, ExitCodes.Success);
    }

    private IEnumerable<Option> Options() =>
    [
        _taskPaths, _configPath, _includeBuilderPaths, _numOutputs, _seedBatchSize, _machineBatchSize, _maxGenRequests,
        _maxStalledRequests, _restart, _outputDir, _saveFormatted, _lmCache, _buildId, _debug,
    ];
}

using System.CommandLine;
using System.CommandLine.Invocation;
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
    private readonly Func<RunRequest, CancellationToken, Task<int>> _run;

    /// <summary>
    /// The command line of a program whose runs <paramref name="run"/> carries out: the root command runs the tasks,
    /// <c>validate</c> only checks them; both take every option (declared once, on the root, for its subcommands too).
    /// </summary>
    public CommandLine(Func<RunRequest, CancellationToken, Task<int>> run)
    {
        _run = run;
        _root = new RootCommand("dgt: generate and transform data with large language models.");
        foreach (var option in Options())
        {
            option.Recursive = true;
            _root.Options.Add(option);
        }

        var validate = new Command("validate", "Check the task files and builder configuration, send nothing, write nothing.");
        validate.SetAction((parsed, cancellationToken) => RunAsync(parsed, validateOnly: true, cancellationToken));
        _root.Subcommands.Add(validate);
        _root.SetAction((parsed, cancellationToken) => RunAsync(parsed, validateOnly: false, cancellationToken));
    }

    /// <summary>
    /// Parses <paramref name="args"/> and invokes what they ask for: help, the version, a run or a validation. A usage
    /// mistake exits with <see cref="ExitCodes.ConfigurationError"/> and says what was wrong.
    /// </summary>
    public async Task<int> InvokeAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var result = _root.Parse([.. args]);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            foreach (var problem in result.Errors)
            {
                error.WriteLine("error: " + problem.Message);
            }

            error.WriteLine("Run 'dgt --help' for the options.");
            return ExitCodes.ConfigurationError;
        }

        // The program handles Ctrl-C and SIGTERM itself (to record a cancelled run), and reports its own failures.
        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        return await result.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> RunAsync(ParseResult result, bool validateOnly, CancellationToken cancellationToken)
    {
        var request = new RunRequest
        {
            ValidateOnly = validateOnly,
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
            var error = result.InvocationConfiguration.Error;
            await error.WriteLineAsync("error: no task given.").ConfigureAwait(false);
            await error.WriteLineAsync("Pass --task-path tasks/public/test/geography_qa/task.yaml (or a directory of task.yaml files), or --config-path with task_files.").ConfigureAwait(false);
            return ExitCodes.ConfigurationError;
        }

        return await _run(request, cancellationToken).ConfigureAwait(false);
    }

    private IEnumerable<Option> Options() =>
    [
        _taskPaths, _configPath, _includeBuilderPaths, _numOutputs, _seedBatchSize, _machineBatchSize, _maxGenRequests,
        _maxStalledRequests, _restart, _outputDir, _saveFormatted, _lmCache, _buildId, _debug,
    ];
}

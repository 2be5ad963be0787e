using System.Globalization;
using Dgt.Configuration;
using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>
/// Converts <c>runner_config</c> (checked by <see cref="Dgt.Configuration.Schema.TaskShape"/>), applies the command
/// line on top, and checks what only the combination can get wrong.
/// </summary>
public static class RunnerConfigReader
{
    /// <summary>
    /// The effective runner configuration of <paramref name="task"/>; null when it has errors. The combined values
    /// are checked only when the YAML itself passed (<paramref name="checkedWell"/>), so a wrong YAML value is
    /// reported once, by the schema, and not again here.
    /// </summary>
    public static RunnerConfig? Read(ConfigMapping task, RunnerOverrides overrides, bool checkedWell, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(problems);
        if (!checkedWell)
        {
            return null;
        }

        var config = new RunnerConfig();
        var span = task.Span;
        if (task.TryGetValue("runner_config", out var node) && node is ConfigMapping mapping)
        {
            span = node.Span;
            config = FromYaml(mapping, config);
        }

        config = config with
        {
            NumOutputsToGenerate = overrides.NumOutputsToGenerate ?? config.NumOutputsToGenerate,
            SeedBatchSize = overrides.SeedBatchSize ?? config.SeedBatchSize,
            MachineBatchSize = overrides.MachineBatchSize ?? config.MachineBatchSize,
            RestartGeneration = overrides.RestartGeneration ?? config.RestartGeneration,
            OutputDir = overrides.OutputDir ?? config.OutputDir,
            SaveFormattedOutput = overrides.SaveFormattedOutput ?? config.SaveFormattedOutput,
            MaxGenRequests = overrides.MaxGenRequests ?? config.MaxGenRequests,
            MaxStalledRequests = overrides.MaxStalledRequests ?? config.MaxStalledRequests,
        };
        var before = problems.Count;
        Check(config, span, problems);
        return problems.Count > before ? null : config;
    }

    private static RunnerConfig FromYaml(ConfigMapping runner, RunnerConfig config)
    {
        int? Number(string key) => Scalar(runner, key) is { } text && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? (int)Math.Clamp(value, int.MinValue, int.MaxValue)
            : null;
        bool? Flag(string key) => Scalar(runner, key) is { } text && ValueCheck.TryReadBoolean(text, out var value) ? value : null;

        return config with
        {
            NumOutputsToGenerate = Number("num_outputs_to_generate") ?? config.NumOutputsToGenerate,
            SeedBatchSize = Number("seed_batch_size") ?? config.SeedBatchSize,
            MachineBatchSize = Number("machine_batch_size") ?? config.MachineBatchSize,
            RestartGeneration = Flag("restart_generation") ?? config.RestartGeneration,
            OutputDir = Scalar(runner, "output_dir") ?? config.OutputDir,
            SaveFormattedOutput = Flag("save_formatted_output") ?? config.SaveFormattedOutput,
            MaxGenRequests = Number("max_gen_requests") ?? config.MaxGenRequests,
            MaxStalledRequests = Number("max_stalled_requests") ?? config.MaxStalledRequests,
        };
    }

    private static string? Scalar(ConfigMapping mapping, string key) =>
        mapping.TryGetValue(key, out var node) && node is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;

    private static void Check(RunnerConfig config, SourceSpan span, List<ConfigProblem> problems)
    {
        void Require(bool holds, string message, string fix)
        {
            if (!holds)
            {
                problems.Add(new ConfigProblem(span, message, fix));
            }
        }

        Require(config.NumOutputsToGenerate >= 1, $"num_outputs_to_generate is {config.NumOutputsToGenerate}; it must be at least 1.", "Ask for 1 or more rows.");
        Require(config.SeedBatchSize is null or >= 1,
            $"seed_batch_size is {config.SeedBatchSize}; it must be at least 1, since a task's first attempts have no machine rows to work from.",
            "Use 1 or more.");
        Require(config.MachineBatchSize >= 0, $"machine_batch_size is {config.MachineBatchSize}; it cannot be negative.", "Use 0 or more.");
        Require(config.MaxGenRequests is null or >= 1, $"max_gen_requests is {config.MaxGenRequests}; it must be at least 1.", "Allow 1 or more attempts.");
        Require(config.MaxStalledRequests >= 1, $"max_stalled_requests is {config.MaxStalledRequests}; it must be at least 1.", "Allow 1 or more attempts.");

        // Refused rather than ignored: a user who asks for formatted output must not find it silently missing.
        Require(!config.SaveFormattedOutput, "save_formatted_output is on, but this program has no formatter types, so no formatted output can be written.",
            "Turn save_formatted_output off (and drop --save-formatted-output); final_data.jsonl holds the rows.");
    }
}

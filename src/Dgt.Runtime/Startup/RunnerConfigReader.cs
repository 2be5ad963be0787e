using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Reads <c>runner_config</c>, applies the command line on top, and checks the result.</summary>
public static class RunnerConfigReader
{
    /// <summary>The effective runner configuration of <paramref name="task"/>; null when it has errors.</summary>
    public static RunnerConfig? Read(ConfigMapping task, string path, RunnerOverrides overrides, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(overrides);
        var before = problems.Count;
        var config = new RunnerConfig();
        var span = task.Span;
        if (task.TryGetValue("runner_config", out var node) && node is not ConfigScalar { IsNull: true })
        {
            span = node.Span;
            if (node is ConfigMapping mapping)
            {
                config = FromYaml(new YamlConfigMap(mapping, problems, "'runner_config'"), config);
            }
            else
            {
                problems.Add(new ConfigProblem(node.Span, $"'runner_config' must be a mapping, not {node.KindName}.", null));
            }
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
        Check(config, span, problems);
        return problems.Count > before ? null : config;
    }

    private static RunnerConfig FromYaml(YamlConfigMap map, RunnerConfig config)
    {
        map.ReportUnknownKeys([.. RunnerConfig.Keys]);
        if (map.TryGetInt64("num_outputs_to_generate", out var outputs))
        {
            config = config with { NumOutputsToGenerate = Clamp(outputs) };
        }

        if (map.TryGetInt64("seed_batch_size", out var seeds))
        {
            config = config with { SeedBatchSize = Clamp(seeds) };
        }

        if (map.TryGetInt64("machine_batch_size", out var machine))
        {
            config = config with { MachineBatchSize = Clamp(machine) };
        }

        if (map.TryGetBoolean("restart_generation", out var restart))
        {
            config = config with { RestartGeneration = restart };
        }

        if (map.TryGetString("output_dir", out var outputDir))
        {
            config = config with { OutputDir = outputDir };
        }

        if (map.TryGetBoolean("save_formatted_output", out var formatted))
        {
            config = config with { SaveFormattedOutput = formatted };
        }

        if (map.TryGetInt64("max_gen_requests", out var maxRequests))
        {
            config = config with { MaxGenRequests = Clamp(maxRequests) };
        }

        if (map.TryGetInt64("max_stalled_requests", out var maxStalled))
        {
            config = config with { MaxStalledRequests = Clamp(maxStalled) };
        }

        return config;
    }

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
        Require(config.SeedBatchSize is null or >= 0, $"seed_batch_size is {config.SeedBatchSize}; it cannot be negative.", "Use 0 or more.");
        Require(config.MachineBatchSize >= 0, $"machine_batch_size is {config.MachineBatchSize}; it cannot be negative.", "Use 0 or more.");
        Require(config.EffectiveSeedBatchSize > 0 || config.MachineBatchSize > 0,
            "seed_batch_size and machine_batch_size are both 0, so no attempt would have any input.", "Set seed_batch_size to 1 or more.");
        Require(config.MaxGenRequests is null or >= 1, $"max_gen_requests is {config.MaxGenRequests}; it must be at least 1.", "Allow 1 or more attempts.");
        Require(config.MaxStalledRequests >= 1, $"max_stalled_requests is {config.MaxStalledRequests}; it must be at least 1.", "Allow 1 or more attempts.");

        // Refused rather than ignored: a user who asks for formatted output must not find it silently missing.
        Require(!config.SaveFormattedOutput, "save_formatted_output is on, but this program has no formatter types, so no formatted output can be written.",
            "Turn save_formatted_output off (and drop --save-formatted-output); final_data.jsonl holds the rows.");
    }

    private static int Clamp(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);
}

using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>How a generation task runs: <c>runner_config</c> of the task YAML with command-line overrides on top.</summary>
public sealed record RunnerConfig
{
    /// <summary>The keys <c>runner_config</c> accepts.</summary>
    public static readonly IReadOnlyList<string> Keys = TaskKeys.RunnerNames;

    /// <summary>Rows wanted in <c>final_data.jsonl</c>.</summary>
    public int NumOutputsToGenerate { get; init; } = 2;

    /// <summary>Seeds per attempt; unset means min(100, <see cref="NumOutputsToGenerate"/>).</summary>
    public int? SeedBatchSize { get; init; }

    /// <summary>Accepted machine rows per attempt.</summary>
    public int MachineBatchSize { get; init; } = 10;

    /// <summary>Start over instead of resuming.</summary>
    public bool RestartGeneration { get; init; }

    /// <summary>The output root; unset means <c>$DGT_OUTPUT_DIR</c>, else <c>output</c>.</summary>
    public string? OutputDir { get; init; }

    /// <summary>Also write formatted output.</summary>
    public bool SaveFormattedOutput { get; init; }

    /// <summary>Most attempts before the task stops short; unset means no limit.</summary>
    public int? MaxGenRequests { get; init; }

    /// <summary>Attempts in a row that gave the task nothing before it stops short.</summary>
    public int MaxStalledRequests { get; init; } = 5;

    /// <summary>The seed batch size in force.</summary>
    public int EffectiveSeedBatchSize => SeedBatchSize ?? Math.Min(100, NumOutputsToGenerate);
}

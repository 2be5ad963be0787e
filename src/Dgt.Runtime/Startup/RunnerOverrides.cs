namespace Dgt.Runtime.Startup;

/// <summary>Command-line values that replace a task's <c>runner_config</c> entries.</summary>
public sealed record RunnerOverrides
{
    public int? NumOutputsToGenerate { get; init; }

    public int? SeedBatchSize { get; init; }

    public int? MachineBatchSize { get; init; }

    public bool? RestartGeneration { get; init; }

    public string? OutputDir { get; init; }

    public bool? SaveFormattedOutput { get; init; }

    public int? MaxGenRequests { get; init; }

    public int? MaxStalledRequests { get; init; }

    /// <summary>No overrides.</summary>
    public static RunnerOverrides None { get; } = new();
}

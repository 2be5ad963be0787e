using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Cli;

/// <summary>What the command line asks for.</summary>
public sealed record RunRequest
{
    /// <summary>Only check the configuration (<c>dgt validate</c>).</summary>
    public bool ValidateOnly { get; init; }

    public IReadOnlyList<string> TaskPaths { get; init; } = [];

    public string? ConfigPath { get; init; }

    public IReadOnlyList<string> IncludeBuilderPaths { get; init; } = [];

    public RunnerOverrides Overrides { get; init; } = RunnerOverrides.None;

    public string? BuildId { get; init; }

    /// <summary>The response cache for every engine without an <c>lm_cache</c> of its own.</summary>
    public string? LmCache { get; init; }

    public bool Debug { get; init; }
}

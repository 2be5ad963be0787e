namespace Dgt.Configuration.Schema;

/// <summary>A key of <c>runner_config</c>.</summary>
public sealed class RunnerKey
{
    /// <summary>Creates the key.</summary>
    public RunnerKey(string name, RunnerValueKind kind, long minimum)
    {
        Name = name;
        Kind = kind;
        Minimum = minimum;
    }

    /// <summary>The YAML key.</summary>
    public string Name { get; }

    /// <summary>What its value must be.</summary>
    public RunnerValueKind Kind { get; }

    /// <summary>The smallest accepted whole number.</summary>
    public long Minimum { get; }
}

namespace Dgt;

/// <summary>
/// What every block receives when it is built: its name, the environment it may read settings from, and the resources
/// it shares with the other blocks of the run.
/// </summary>
public sealed class BlockContext
{
    /// <summary>Creates the context of a block built on its own (a test, a tool): its run resources are its own.</summary>
    public BlockContext(string name, string builderName, Func<string, string?> environment)
        : this(name, builderName, environment, new RunResources())
    {
    }

    /// <summary>Creates the context of a block of a run, sharing <paramref name="resources"/> with the run's other blocks.</summary>
    public BlockContext(string name, string builderName, Func<string, string?> environment, RunResources resources)
    {
        ArgumentNullException.ThrowIfNull(resources);
        Name = name;
        BuilderName = builderName;
        Environment = environment;
        Resources = resources;
    }

    /// <summary>The block's <c>name:</c>.</summary>
    public string Name { get; }

    /// <summary>The builder whose YAML declared the block.</summary>
    public string BuilderName { get; }

    /// <summary>Reads an environment variable (injectable so tests never touch the process environment).</summary>
    public Func<string, string?> Environment { get; }

    /// <summary>The objects every block of the run shares, such as the flow control of each endpoint.</summary>
    public RunResources Resources { get; }
}

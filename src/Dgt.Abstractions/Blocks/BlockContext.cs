namespace Dgt;

/// <summary>What every block receives when it is built: its name and the environment it may read settings from.</summary>
public sealed class BlockContext
{
    /// <summary>Creates a context.</summary>
    public BlockContext(string name, string builderName, Func<string, string?> environment)
    {
        Name = name;
        BuilderName = builderName;
        Environment = environment;
    }

    /// <summary>The block's <c>name:</c>.</summary>
    public string Name { get; }

    /// <summary>The builder whose YAML declared the block.</summary>
    public string BuilderName { get; }

    /// <summary>Reads an environment variable (injectable so tests never touch the process environment).</summary>
    public Func<string, string?> Environment { get; }
}

using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Run;

/// <summary>A builder whose configuration, blocks and seeds have passed every start-up check, ready to run.</summary>
public interface IPreparedBuilder
{
    string Name { get; }

    IReadOnlyList<TaskDefinition> Tasks { get; }

    IReadOnlyList<IBlock> Blocks { get; }

    /// <summary>Blocks a <c>--config-path</c> override added to the builder's own (each with a <c>type:</c>).</summary>
    IReadOnlyList<AddedBlock> AddedBlocks { get; }

    /// <summary>The builder's own counters.</summary>
    IReadOnlyDictionary<string, long> Counters { get; }

    /// <summary>Runs every task of the builder to its end.</summary>
    Task<IReadOnlyList<TaskOutcome>> RunAsync(RunContext context, CancellationToken cancellationToken);
}

namespace Dgt;

/// <summary>
/// A block that judges rows. As a postprocessor it sees every row of a task, in generation order; with
/// <see cref="Filter"/> on, the rows it finds invalid are dropped and written, with the reason, to the block's store.
/// </summary>
public interface IValidatorBlock : IBlock
{
    /// <summary>Whether invalid rows are dropped (YAML <c>filter:</c>, default false).</summary>
    bool Filter { get; }

    /// <summary>The block fields it reads, e.g. <c>input</c>.</summary>
    IReadOnlyList<string> InputFields { get; }

    /// <summary>One verdict per row, in row order.</summary>
    ValueTask<IReadOnlyList<Validation>> ValidateAsync(IReadOnlyList<BlockRow> rows, CancellationToken cancellationToken);
}

namespace Dgt.Runtime.Tests.Support;

/// <summary>A validator that rejects exact repeats of its input, standing in for rouge_scorer at threshold 1.0.</summary>
public sealed class ExactDedup(string name, bool filter) : IValidatorBlock
{
    public string Name { get; } = name;

    public bool Filter { get; } = filter;

    public IReadOnlyList<string> InputFields { get; } = ["input"];

    public ValueTask<IReadOnlyList<Validation>> ValidateAsync(IReadOnlyList<BlockRow> rows, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<Validation> verdicts = [.. rows.Select(r => seen.Add(r.GetString("input") ?? "")
            ? new Validation(true)
            : new Validation(false, 1.0, "exact duplicate"))];
        return ValueTask.FromResult(verdicts);
    }
}

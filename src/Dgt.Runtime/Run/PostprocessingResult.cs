namespace Dgt.Runtime.Run;

/// <summary>What postprocessing kept, and what each validator rejected with its reason.</summary>
public sealed record PostprocessingResult<TData>(
    IReadOnlyList<TData> Kept,
    IReadOnlyList<(string Block, TData Row, Validation Verdict)> Rejected)
    where TData : DataPoint;

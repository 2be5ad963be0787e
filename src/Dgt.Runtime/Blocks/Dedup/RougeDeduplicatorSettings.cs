namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>What every part of one deduplicator reads and nobody changes.</summary>
internal sealed record RougeDeduplicatorSettings(double Threshold, RougeScoreFunction Function, RougeMeasure[] Measures)
{
    public OverlapBounds Bounds { get; } = new(Threshold, Function);

    /// <summary>
    /// Rouge-L F1 reaches 1 only when both token sequences are equal (any other pair scores at most
    /// 1 - 1/(m+n), far below 1 in floating point), so threshold 1.0 is a hash lookup.
    /// </summary>
    public bool IsExactMatching => Threshold == 1.0 && Function == RougeScoreFunction.F1 && IsLcsOnly;

    /// <summary>The prefix filter needs Rouge-L alone and a positive threshold (at 0 even sharing nothing counts).</summary>
    public bool IsIndexable => IsLcsOnly && Threshold > 0;

    private bool IsLcsOnly => Measures.All(m => m.IsLcs);
}

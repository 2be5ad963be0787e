namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The best comparison of a row that reached the threshold, over some range of kept rows: the highest score, and on a
/// tie the lowest ordinal, so that the outcome does not depend on the order candidates were visited in.
/// </summary>
internal readonly record struct ProbeResult(bool Hit, double Score, int Ordinal)
{
    public static readonly ProbeResult None = new(false, 0, -1);

    /// <summary>Whether a pair scoring <paramref name="score"/> with <paramref name="ordinal"/> would replace this one.</summary>
    public bool IsBeatenBy(double score, int ordinal) => !Hit || score > Score || (score == Score && ordinal < Ordinal);

    public ProbeResult Or(ProbeResult other) => other.Hit && IsBeatenBy(other.Score, other.Ordinal) ? other : this;
}

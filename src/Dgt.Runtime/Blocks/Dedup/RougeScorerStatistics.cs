namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// What a <see cref="RougeScorer"/> has done since it was built. A pair is a new row and a context text or kept row
/// the greedy definition compares it with; it is either scored (its shared size computed) or pruned (proved unable to
/// reach the threshold, or unable to beat a better match already found, without computing it).
/// </summary>
public readonly record struct RougeScorerStatistics(long RowsDecided, long PairsScored, long PairsPruned);

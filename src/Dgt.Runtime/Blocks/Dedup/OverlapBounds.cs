namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// How many tokens a pair must share to reach the threshold, and from it how long the prefixes of the prefix filter
/// must be. Relies on two facts about <see cref="RougeFormula.Score"/>, which hold exactly in floating point because
/// neighbouring values differ by far more than rounding error: the score grows with the shared size, and, for a fixed
/// shared size, it does not grow with either length. Stateless and thread-safe.
/// </summary>
internal sealed class OverlapBounds(double threshold, RougeScoreFunction function)
{
    /// <summary>The least shared size reaching the threshold; above <c>min(newLength, earlierLength)</c> when none can.</summary>
    public int Needed(int newLength, int earlierLength) =>
        RougeFormula.MinimalCommon(newLength, earlierLength, threshold, strict: false, function);

    /// <summary>
    /// How many of a new row's rarest elements must be looked up: a row of this length that shares at least α
    /// elements with a kept row shares one among its first <c>length - α + 1</c>, for the least α any kept length needs.
    /// </summary>
    public int ProbePrefixLength(int newLength) =>
        newLength == 0 ? 0 : newLength - Needed(newLength, SmallestFeasible(newLength, asNew: true)) + 1;

    /// <summary>How many of a kept row's rarest elements go into the index, for the least α any new length needs.</summary>
    public int IndexPrefixLength(int earlierLength) =>
        earlierLength == 0 ? 0 : earlierLength - Needed(SmallestFeasible(earlierLength, asNew: false), earlierLength) + 1;

    // The least needed size over every partner length is reached at the shortest partner that can still reach the
    // threshold (needed sizes do not shrink as the partner grows). That partner is no longer than the row itself,
    // where sharing everything scores 1; feasibility grows with the partner's length, so bisect.
    private int SmallestFeasible(int length, bool asNew)
    {
        var low = 1;
        var high = length;
        while (low < high)
        {
            var partner = (low + high) >>> 1;
            var score = asNew
                ? RougeFormula.Score(partner, length, partner, function)
                : RougeFormula.Score(partner, partner, length, function);
            if (score >= threshold)
            {
                high = partner;
            }
            else
            {
                low = partner + 1;
            }
        }

        return low;
    }
}

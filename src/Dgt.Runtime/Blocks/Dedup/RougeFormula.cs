namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The score of one comparison from the size of what two texts share. Every path computes it with the same floating
/// point operations, in the same order, as the Python reference (p = c/|earlier|, r = c/|new|, f = 2·p·r/(p+r)),
/// so that a score sitting exactly on a threshold is decided the same way everywhere.
/// </summary>
internal static class RougeFormula
{
    public static double Score(int common, int newSize, int earlierSize, RougeScoreFunction function)
    {
        // Also covers an empty side: nothing can be shared with it.
        if (common == 0)
        {
            return 0;
        }

        var precision = (double)common / earlierSize;
        var recall = (double)common / newSize;
        return function switch
        {
            RougeScoreFunction.Precision => precision,
            RougeScoreFunction.Recall => recall,
            _ => 2 * precision * recall / (precision + recall),
        };
    }

    /// <summary>
    /// The least shared size whose score reaches <paramref name="bar"/> (exceeds it when <paramref name="strict"/>),
    /// or <c>min(newSize, earlierSize) + 1</c> when no possible value does. Turning the threshold into an integer
    /// once per length pair lets the fast paths decide with integer comparisons and still agree with
    /// <see cref="Score"/> to the last bit. The score grows with the shared size: each step changes it by a
    /// relative amount far above rounding error, so a binary search is exact.
    /// </summary>
    public static int MinimalCommon(int newSize, int earlierSize, double bar, bool strict, RougeScoreFunction function)
    {
        var low = 0;
        var high = Math.Min(newSize, earlierSize) + 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            var score = Score(middle, newSize, earlierSize, function);
            if (strict ? score > bar : score >= bar)
            {
                high = middle;
            }
            else
            {
                low = middle + 1;
            }
        }

        return low;
    }
}

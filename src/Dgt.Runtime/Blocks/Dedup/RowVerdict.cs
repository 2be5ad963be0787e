namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The decision on one row. An invalid row carries its best score and what it was scored against:
/// <see cref="Match"/> ≥ 0 is the index of an earlier row of the call, &lt; 0 is <c>~index</c> of a context text.
/// </summary>
internal readonly record struct RowVerdict(bool IsValid, double Score, int Match)
{
    public static readonly RowVerdict Valid = new(true, double.NaN, 0);

    public static int ContextMatch(int contextIndex) => ~contextIndex;

    public bool MatchesContext => Match < 0;
}

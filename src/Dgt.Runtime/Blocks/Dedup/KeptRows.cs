namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The texts later rows are compared with, in the order they were kept: the context texts first, then every valid
/// row. A kept row's ordinal is its position here; its row index is where it sits in the current call.
/// </summary>
internal sealed class KeptRows
{
    private readonly List<InternedText> _texts = [];
    private readonly List<int> _rowIndices = [];
    private int[] _lengths = new int[1024];

    public KeptRows(IReadOnlyList<InternedText> context)
    {
        ContextCount = context.Count;
        foreach (var text in context)
        {
            Add(text, -1);
        }
    }

    public int ContextCount { get; }

    public int Count => _texts.Count;

    /// <summary>Token counts by ordinal, as an array the hot loops can index without bounds surprises.</summary>
    public int[] Lengths => _lengths;

    public InternedText this[int ordinal] => _texts[ordinal];

    public int Add(InternedText text, int rowIndex)
    {
        var ordinal = _texts.Count;
        if (ordinal == _lengths.Length)
        {
            Array.Resize(ref _lengths, _lengths.Length * 2);
        }

        _texts.Add(text);
        _rowIndices.Add(rowIndex);
        _lengths[ordinal] = text.Tokens.Length;
        return ordinal;
    }

    public void MoveTo(int ordinal, int rowIndex) => _rowIndices[ordinal] = rowIndex;

    /// <summary>Forgets every kept row, keeping the context.</summary>
    public void Reset()
    {
        _texts.RemoveRange(ContextCount, _texts.Count - ContextCount);
        _rowIndices.RemoveRange(ContextCount, _rowIndices.Count - ContextCount);
    }

    /// <summary>What a match on <paramref name="ordinal"/> is reported as: a row index, or <c>~index</c> of a context text.</summary>
    public int MatchOf(int ordinal) => ordinal < ContextCount ? RowVerdict.ContextMatch(ordinal) : _rowIndices[ordinal];
}

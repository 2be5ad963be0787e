namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>The kept rows whose index prefix holds one element: (ordinal, position in the row's element order) pairs, by ordinal.</summary>
internal sealed class PostingList
{
    private int[] _items = new int[4];
    private int _count;

    public ReadOnlySpan<int> Items => _items.AsSpan(0, _count);

    public void Add(int ordinal, int position)
    {
        if (_count + 2 > _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_count++] = ordinal;
        _items[_count++] = position;
    }
}

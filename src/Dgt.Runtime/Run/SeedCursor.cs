namespace Dgt.Runtime.Run;

/// <summary>
/// Walks the seeds in file order and wraps around, never handing out one seed twice in a batch: a batch holds
/// min(batch size, number of seeds) seeds, also across the wrap (the reference returns a short batch there).
/// </summary>
public sealed class SeedCursor
{
    private readonly int _count;

    /// <summary>Creates a cursor over <paramref name="count"/> seeds, at <paramref name="position"/>.</summary>
    public SeedCursor(int count, int position = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = count;
        Position = count == 0 ? 0 : ((position % count) + count) % count;
    }

    /// <summary>The index of the next seed.</summary>
    public int Position { get; private set; }

    /// <summary>The indices of the next batch, advancing the cursor.</summary>
    public IReadOnlyList<int> Take(int batchSize)
    {
        var size = Math.Min(Math.Max(batchSize, 0), _count);
        var indices = new int[size];
        for (var i = 0; i < size; i++)
        {
            indices[i] = (Position + i) % _count;
        }

        if (_count > 0)
        {
            Position = (Position + size) % _count;
        }

        return indices;
    }
}

namespace Dgt;

/// <summary>Sampling helpers for prompts.</summary>
public static class RandomExtensions
{
    /// <summary><paramref name="count"/> items drawn with replacement (Python's <c>random.choices</c>).</summary>
    public static IReadOnlyList<T> Choices<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            return [];
        }

        var chosen = new T[count];
        for (var i = 0; i < count; i++)
        {
            chosen[i] = items[random.Next(items.Count)];
        }

        return chosen;
    }

    /// <summary>Up to <paramref name="count"/> distinct items drawn without replacement, in draw order.</summary>
    public static IReadOnlyList<T> Sample<T>(this Random random, IReadOnlyList<T> items, int count)
    {
        ArgumentNullException.ThrowIfNull(random);
        ArgumentNullException.ThrowIfNull(items);
        var indices = Enumerable.Range(0, items.Count).ToArray();
        var take = Math.Min(count, indices.Length);
        for (var i = 0; i < take; i++)
        {
            var j = random.Next(i, indices.Length);
            (indices[i], indices[j]) = (indices[j], indices[i]);
        }

        return [.. indices.Take(take).Select(i => items[i])];
    }
}

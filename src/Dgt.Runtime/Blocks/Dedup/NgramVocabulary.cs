namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// Interns n-grams of token ids (n ≤ 3) to dense ids, so that a text's distinct n-grams are a sorted int array and
/// the number shared by two texts is a merge. Not thread-safe.
/// </summary>
internal sealed class NgramVocabulary
{
    private readonly Dictionary<(int, int, int), int> _ids = [];
    private readonly HashSet<int> _distinct = [];

    /// <summary>The sorted distinct ids of the <paramref name="size"/>-grams of <paramref name="tokens"/>.</summary>
    public int[] DistinctNgrams(int[] tokens, int size)
    {
        _distinct.Clear();
        for (var start = 0; start + size <= tokens.Length; start++)
        {
            _distinct.Add(Intern(tokens, start, size));
        }

        var ids = _distinct.ToArray();
        Array.Sort(ids);
        return ids;
    }

    private int Intern(int[] tokens, int start, int size)
    {
        // The size is part of the key so that a unigram and a bigram never share an id.
        var key = size switch
        {
            1 => (tokens[start], -1, -1),
            2 => (tokens[start], tokens[start + 1], -2),
            _ => (tokens[start], tokens[start + 1], tokens[start + 2]),
        };
        if (!_ids.TryGetValue(key, out var id))
        {
            id = _ids.Count;
            _ids.Add(key, id);
        }

        return id;
    }

    /// <summary>How many ids two sorted distinct arrays share.</summary>
    public static int Shared(ReadOnlySpan<int> left, ReadOnlySpan<int> right)
    {
        int i = 0, j = 0, shared = 0;
        while (i < left.Length && j < right.Length)
        {
            var difference = left[i] - right[j];
            if (difference == 0)
            {
                shared++;
                i++;
                j++;
            }
            else if (difference < 0)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }
}

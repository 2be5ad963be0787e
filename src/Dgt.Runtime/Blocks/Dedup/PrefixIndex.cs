namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The prefix filter of set-similarity joins, on token multisets. Every element gets a rank (rarest first); a text's
/// elements are sorted by rank; only the first few elements of each kept row are indexed (see
/// <see cref="OverlapBounds"/>). Two texts sharing enough elements to reach the threshold share their first common
/// element inside both prefixes, so looking a new row's prefix up finds every kept row that could be a duplicate.
/// The longest common subsequence never exceeds the shared multiset, so this is exact for Rouge-L.
/// </summary>
/// <remarks>
/// Any fixed order is correct; rarity only makes it fast. Ranks are recomputed from frequencies when the number of
/// rows has doubled since the last ranking (amortised constant work per row); an element first seen in between ranks
/// before all others, which leaves the order of every indexed row unchanged.
/// </remarks>
internal sealed class PrefixIndex(OverlapBounds bounds)
{
    private readonly Dictionary<long, int> _elementIds = [];
    private int[] _occurrences = new int[1024];
    private int[] _ranks = new int[1024];
    private PostingList?[] _postings = new PostingList?[1024];
    private long[] _sortKeys = new long[256];
    private int _lowestRank;
    private int _rankedForRows;

    /// <summary>Gives fresh rows their elements and orders them; re-ranks everything when the corpus has doubled.</summary>
    public void Prepare(KeptRows kept, IReadOnlyList<InternedText> fresh, int vocabularySize)
    {
        foreach (var text in fresh)
        {
            AssignElements(text, vocabularySize);
        }

        if (kept.Count + fresh.Count > 2 * _rankedForRows)
        {
            Rerank(kept, fresh);
        }
        else
        {
            foreach (var text in fresh)
            {
                Order(text.Elements!);
            }
        }
    }

    /// <summary>Gives a text its elements, unordered until the next <see cref="Prepare"/>.</summary>
    public void AssignElements(InternedText text, int vocabularySize) => text.Elements = ElementsOf(text.Tokens, vocabularySize);

    /// <summary>Indexes the prefix of a newly kept row.</summary>
    public void Add(int ordinal, InternedText text)
    {
        var elements = text.Elements!;
        var prefix = bounds.IndexPrefixLength(elements.Length);
        for (var position = 0; position < prefix; position++)
        {
            var element = elements[position];
            if (element >= _postings.Length)
            {
                Array.Resize(ref _postings, Math.Max(element + 1, _postings.Length * 2));
            }

            (_postings[element] ??= new PostingList()).Add(ordinal, position);
        }
    }

    public ReadOnlySpan<int> Postings(int element) =>
        element < _postings.Length && _postings[element] is { } list ? list.Items : [];

    /// <summary>Forgets every posting and ranking (the elements keep their ids).</summary>
    public void Clear()
    {
        Array.Clear(_postings);
        _rankedForRows = 0;
    }

    private int[] ElementsOf(int[] tokens, int vocabularySize)
    {
        if (_occurrences.Length < vocabularySize)
        {
            _occurrences = new int[Math.Max(vocabularySize, _occurrences.Length * 2)];
        }

        var elements = new int[tokens.Length];
        for (var i = 0; i < tokens.Length; i++)
        {
            var occurrence = _occurrences[tokens[i]]++;
            var key = ((long)occurrence << 32) | (uint)tokens[i];
            if (!_elementIds.TryGetValue(key, out var id))
            {
                id = _elementIds.Count;
                _elementIds.Add(key, id);
            }

            elements[i] = id;
        }

        foreach (var token in tokens)
        {
            _occurrences[token] = 0;
        }

        return elements;
    }

    private void Rerank(KeptRows kept, IReadOnlyList<InternedText> fresh)
    {
        var counts = new int[_elementIds.Count];
        for (var ordinal = 0; ordinal < kept.Count; ordinal++)
        {
            Count(kept[ordinal].Elements!, counts);
        }

        foreach (var text in fresh)
        {
            Count(text.Elements!, counts);
        }

        var byRarity = new long[counts.Length];
        for (var element = 0; element < counts.Length; element++)
        {
            byRarity[element] = ((long)counts[element] << 32) | (uint)element;
        }

        Array.Sort(byRarity);
        _ranks = new int[Math.Max(counts.Length, 1024)];
        for (var rank = 0; rank < byRarity.Length; rank++)
        {
            // Rank 0 marks "no rank yet", so ranks start at 1.
            _ranks[(int)byRarity[rank]] = rank + 1;
        }

        _lowestRank = 0;
        _rankedForRows = kept.Count + fresh.Count;
        Array.Clear(_postings);
        for (var ordinal = 0; ordinal < kept.Count; ordinal++)
        {
            Order(kept[ordinal].Elements!);
            Add(ordinal, kept[ordinal]);
        }

        foreach (var text in fresh)
        {
            Order(text.Elements!);
        }
    }

    private static void Count(int[] elements, int[] counts)
    {
        foreach (var element in elements)
        {
            counts[element]++;
        }
    }

    private void Order(int[] elements)
    {
        if (_sortKeys.Length < elements.Length)
        {
            _sortKeys = new long[Math.Max(elements.Length, _sortKeys.Length * 2)];
        }

        var keys = _sortKeys.AsSpan(0, elements.Length);
        for (var i = 0; i < elements.Length; i++)
        {
            keys[i] = ((long)RankOf(elements[i]) << 32) | (uint)elements[i];
        }

        keys.Sort();
        for (var i = 0; i < elements.Length; i++)
        {
            elements[i] = (int)keys[i];
        }
    }

    private int RankOf(int element)
    {
        if (element >= _ranks.Length)
        {
            Array.Resize(ref _ranks, Math.Max(element + 1, _ranks.Length * 2));
        }

        ref var rank = ref _ranks[element];
        if (rank == 0)
        {
            rank = --_lowestRank;
        }

        return rank;
    }
}

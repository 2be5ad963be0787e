namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// Interns tokens to dense integer ids, so that texts become int arrays compared by value and a token's per-text
/// data can live in arrays indexed by id. Looks spans up without allocating; only a token never seen before is
/// turned into a string. Not thread-safe.
/// </summary>
internal sealed class TokenVocabulary
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<int> _scratch = [];
    private char[] _buffer = new char[256];

    public TokenVocabulary() => _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>How many distinct tokens have been seen; every id is below it.</summary>
    public int Count => _ids.Count;

    /// <summary>The token ids of <paramref name="text"/>, in order.</summary>
    public int[] Intern(string text)
    {
        if (_buffer.Length < text.Length)
        {
            _buffer = new char[Math.Max(text.Length, _buffer.Length * 2)];
        }

        _scratch.Clear();
        foreach (var token in RougeTokenizer.Tokens(text, _buffer))
        {
            if (!_lookup.TryGetValue(token, out var id))
            {
                id = _ids.Count;
                _ids.Add(token.ToString(), id);
            }

            _scratch.Add(id);
        }

        return [.. _scratch];
    }
}

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>Walks the tokens of a text without allocating; see <see cref="RougeTokenizer.Tokens"/>.</summary>
internal ref struct RougeTokenEnumerator
{
    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _buffer;
    private int _position;
    private int _length;

    public RougeTokenEnumerator(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (buffer.Length < text.Length)
        {
            throw new ArgumentException("The buffer must be at least as long as the text.", nameof(buffer));
        }

        _text = text;
        _buffer = buffer;
    }

    public readonly ReadOnlySpan<char> Current => _buffer[.._length];

    public readonly RougeTokenEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        var text = _text;
        var i = _position;
        while (i < text.Length && RougeTokenizer.Fold(text[i]) == '\0')
        {
            i++;
        }

        var length = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var folded = RougeTokenizer.Fold(c);
            if (folded == '\0')
            {
                break;
            }

            _buffer[length++] = folded;
            i++;
            if (c == RougeTokenizer.CapitalIWithDotAbove)
            {
                // Python lowers it to "i" + U+0307, and the combining dot separates.
                break;
            }
        }

        _position = i;
        _length = length;
        return length > 0;
    }
}

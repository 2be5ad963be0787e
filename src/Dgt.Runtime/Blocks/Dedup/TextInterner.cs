namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>Turns texts into <see cref="InternedText"/> for a fixed set of measures. Not thread-safe.</summary>
internal sealed class TextInterner(IReadOnlyList<RougeMeasure> measures)
{
    private readonly NgramVocabulary _ngrams = new();
    private readonly int[] _ngramSizes = [.. measures.Where(m => !m.IsLcs).Select(m => m.NgramSize).Distinct()];

    public TokenVocabulary Tokens { get; } = new();

    public InternedText Intern(string text)
    {
        var tokens = Tokens.Intern(text);
        var ngrams = _ngramSizes.Length == 0 ? [] : new int[]?[4];
        foreach (var size in _ngramSizes)
        {
            ngrams[size] = _ngrams.DistinctNgrams(tokens, size);
        }

        return new InternedText(tokens, ngrams);
    }
}

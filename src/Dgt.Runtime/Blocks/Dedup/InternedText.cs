namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>A text reduced to what scoring needs: its token ids and, when n-gram measures are used, its distinct n-grams.</summary>
internal sealed class InternedText(int[] tokens, int[]?[] ngrams)
{
    /// <summary>The token ids, in order.</summary>
    public int[] Tokens { get; } = tokens;

    /// <summary>Index n holds the sorted distinct n-gram ids (null when no measure needs that n).</summary>
    public int[]?[] Ngrams { get; } = ngrams;

    /// <summary>The size a measure divides by: the token count for Rouge-L, the distinct n-gram count for Rouge-N.</summary>
    /// <summary>
    /// For the prefix index: the token multiset as element ids (the k-th occurrence of a token is its own element),
    /// ordered rarest first by <see cref="PrefixIndex"/>. Two texts share as many elements as their multisets share.
    /// </summary>
    public int[]? Elements { get; set; }

    public int SizeFor(RougeMeasure measure) => measure.IsLcs ? Tokens.Length : Ngrams[measure.NgramSize]!.Length;
}

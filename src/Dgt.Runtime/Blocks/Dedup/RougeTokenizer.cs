namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The default tokenizer of the <c>rouge-score</c> package without stemming: lowercase the text as Python's
/// <c>str.lower()</c> does, turn every run of characters outside <c>[a-z0-9]</c> into a space, split on spaces.
/// </summary>
/// <remarks>
/// Only the characters whose Python lowercase contains an ASCII letter or digit can ever be part of a token, so no
/// general case mapping is needed: besides <c>A</c>–<c>Z</c>, in the whole of Unicode these are U+212A KELVIN SIGN
/// (lowered to <c>k</c>) and U+0130 LATIN CAPITAL LETTER I WITH DOT ABOVE (lowered to <c>i</c> followed by
/// U+0307 COMBINING DOT ABOVE, which is not in <c>[a-z0-9]</c> and therefore ends the token). .NET's own lowering is a
/// one-to-one mapping and would keep <c>İstanbul</c> as one token, so it is not used.
/// </remarks>
internal static class RougeTokenizer
{
    internal const char KelvinSign = '\u212A';
    internal const char CapitalIWithDotAbove = '\u0130';

    /// <summary>
    /// The tokens of <paramref name="text"/>, each written lowercased into <paramref name="buffer"/>, which must be at
    /// least as long as the text. A token is valid only until the next one is read.
    /// </summary>
    public static RougeTokenEnumerator Tokens(ReadOnlySpan<char> text, Span<char> buffer) => new(text, buffer);

    /// <summary>The tokens as strings (for tests and diagnostics; the scorer interns spans instead).</summary>
    public static IReadOnlyList<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        foreach (var token in Tokens(text, new char[text.Length]))
        {
            tokens.Add(token.ToString());
        }

        return tokens;
    }

    /// <summary>The token character <paramref name="c"/> lowers to, or <c>'\0'</c> when it separates tokens.</summary>
    internal static char Fold(char c) => c switch
    {
        >= 'a' and <= 'z' or >= '0' and <= '9' => c,
        >= 'A' and <= 'Z' => (char)(c + ('a' - 'A')),
        KelvinSign => 'k',
        CapitalIWithDotAbove => 'i',
        _ => '\0',
    };
}

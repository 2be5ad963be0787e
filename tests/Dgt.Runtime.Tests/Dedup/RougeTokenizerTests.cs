using System.Text;
using Dgt.Runtime.Blocks.Dedup;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>The tokenizer against outputs of the Python one (<c>str.lower()</c>, <c>[^a-z0-9]+</c> → space, split).</summary>
public sealed class RougeTokenizerTests
{
    // Each expectation was produced by Python 3.11 running the rouge-score default tokenizer on the same text.
    public static TheoryData<string, string[]> PythonCases => new()
    {
        { "What is the capital of France?", ["what", "is", "the", "capital", "of", "france"] },
        { "  Hello,   WORLD!! 42nd st.", ["hello", "world", "42nd", "st"] },
        { "\u0130stanbul \u0130\u0130 I\u0130i", ["i", "stanbul", "i", "i", "ii", "i"] },
        { "x\u0130y", ["xi", "y"] },
        { "\u212Aelvin 5\u212A", ["kelvin", "5k"] },
        { "café naïve façade", ["caf", "na", "ve", "fa", "ade"] },
        { "ＡＢＣ full width ９", ["full", "width"] },
        { "Straße STRASSE ß", ["stra", "e", "strasse"] },
        { "ǅemal ǈ ǋ", ["emal"] },
        { "ﬁne ﬂow", ["ne", "ow"] },
        { "C++ / C# & F#", ["c", "c", "f"] },
        { "e-mail_address@x.org", ["e", "mail", "address", "x", "org"] },
        { "Ω ω Σ σ ς", [] },
        { "日本語 text 中文", ["text"] },
        { "", [] },
        { "!!!", [] },
        { "a\u0307b", ["a", "b"] },
        { "tab\there\nnewline\r\nx", ["tab", "here", "newline", "x"] },
        { "ABC\u00A0DEF", ["abc", "def"] },
        { "😀smile😀", ["smile"] },
        { "ⅰⅱⅲ Ⅻ", [] },
        { "²³ ½ 1⁄2", ["1", "2"] },
    };

    [Theory]
    [MemberData(nameof(PythonCases))]
    public void Tokenizes_as_the_python_tokenizer_does(string text, string[] expected)
    {
        Assert.Equal(expected, RougeTokenizer.Tokenize(text));
        Assert.Equal(expected, PlainRougeReference.Tokenize(text));
    }

    [Fact]
    public void Every_code_point_is_a_token_character_or_a_separator_exactly_as_python_lowercases_it()
    {
        // Scanning every code point with Python 3.11 (Unicode 14): apart from [A-Za-z0-9], the only ones whose
        // str.lower() contains a character of [a-z0-9] are U+0130 (→ "i" + U+0307) and U+212A (→ "k").
        var mismatches = new List<string>();
        for (var codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var character = char.ConvertFromUtf32(codePoint);
            string[] expected = codePoint switch
            {
                >= 'a' and <= 'z' or >= '0' and <= '9' => ["a" + character + "b"],
                >= 'A' and <= 'Z' => ["a" + character.ToLowerInvariant() + "b"],
                0x0130 => ["ai", "b"],
                0x212A => ["akb"],
                _ => ["a", "b"],
            };
            if (!RougeTokenizer.Tokenize("a" + character + "b").SequenceEqual(expected))
            {
                mismatches.Add($"U+{codePoint:X4}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void Lone_surrogates_separate_tokens()
    {
        Assert.Equal(["a", "b"], RougeTokenizer.Tokenize("a\uD800b"));
        Assert.Equal(["a", "b"], RougeTokenizer.Tokenize("a\uDC00b"));
    }

    [Fact]
    public void A_long_text_with_mixed_scripts_tokenizes_like_the_plain_reference()
    {
        var random = new Random(7);
        const string alphabet = "abcXYZ09 ,.-_\u0130\u212A\u00E9\u00DF\u03A3\u65E5\t\n";
        for (var round = 0; round < 200; round++)
        {
            var text = new StringBuilder();
            for (var i = 0; i < random.Next(0, 300); i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            Assert.Equal(PlainRougeReference.Tokenize(text.ToString()), RougeTokenizer.Tokenize(text.ToString()));
        }
    }
}

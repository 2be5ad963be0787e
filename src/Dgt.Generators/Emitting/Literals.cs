using System.Globalization;
using System.Linq;
using System.Text;

namespace Dgt.Generators.Emitting;

/// <summary>C# literals, written the same on every machine whatever its culture.</summary>
internal static class Literals
{
    public static string String(string value)
    {
        var literal = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            literal.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\0' => "\\0",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085' =>
                    "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return literal.Append('"').ToString();
    }

    /// <summary>A double literal: <c>0.7</c>, never <c>0,7</c>; always with a decimal point or exponent.</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The delimiter of a raw string literal that can hold <paramref name="text"/>: one quote more than its longest run
    /// of quotes, and at least three.
    /// </summary>
    public static string RawDelimiter(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '"' ? run + 1 : 0;
            longest = System.Math.Max(longest, run);
        }

        return new string('"', System.Math.Max(3, longest + 1));
    }

    public static string StringArray(System.Collections.Generic.IEnumerable<string> values) =>
        "[" + string.Join(", ", values.Select(String)) + "]";
}

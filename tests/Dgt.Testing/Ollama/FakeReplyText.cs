using System.Text.RegularExpressions;

namespace Dgt.Testing.Ollama;

/// <summary>
/// Shapes a reply the way a model server would: cut before the first stop string, at most <c>num_predict</c> tokens
/// (a word and its trailing space count as one token here), and counts tokens for the usage fields.
/// </summary>
internal static partial class FakeReplyText
{
    public static (string Text, bool HitLimit) Shape(string reply, FakeRequest request)
    {
        var text = reply;
        if (request.Options?["stop"] is System.Text.Json.Nodes.JsonArray stops)
        {
            foreach (var stop in stops.Select(s => s?.GetValue<string>()).Where(s => !string.IsNullOrEmpty(s)))
            {
                var at = text.IndexOf(stop!, StringComparison.Ordinal);
                if (at >= 0)
                {
                    text = text[..at];
                }
            }
        }

        var limit = request.OptionNumber("num_predict");
        var pieces = Pieces(text);
        if (limit is > 0 && pieces.Count > limit.Value)
        {
            return (string.Concat(pieces.Take((int)limit.Value)), true);
        }

        return (text, false);
    }

    /// <summary>The text in streamable pieces whose concatenation is the text.</summary>
    public static IReadOnlyList<string> Pieces(string text)
    {
        var pieces = Token().Matches(text).Select(m => m.Value).ToList();
        var leading = text.Length - text.TrimStart().Length;
        if (pieces.Count == 0)
        {
            return text.Length == 0 ? [] : [text];
        }

        pieces[0] = text[..leading] + pieces[0];
        return pieces;
    }

    public static int CountTokens(string? text) => text is null ? 0 : Token().Count(text);

    [GeneratedRegex(@"\S+\s*")]
    private static partial Regex Token();
}

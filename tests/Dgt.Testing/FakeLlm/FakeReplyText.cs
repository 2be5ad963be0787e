using System.Text.RegularExpressions;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// Shapes a reply the way a model server would: cut before the first stop string, at most the token limit
/// (a word and its trailing space count as one token here), and counts tokens for the usage fields.
/// </summary>
internal static partial class FakeReplyText
{
    /// <summary>The reply cut before the first of <paramref name="stops"/> it contains and to <paramref name="limit"/> tokens, if set.</summary>
    public static (string Text, bool HitLimit) Shape(string reply, IEnumerable<string?> stops, double? limit)
    {
        var text = reply;
        foreach (var stop in stops.Where(s => !string.IsNullOrEmpty(s)))
        {
            var at = text.IndexOf(stop!, StringComparison.Ordinal);
            if (at >= 0)
            {
                text = text[..at];
            }
        }

        var pieces = Pieces(text);
        if (limit is > 0 && pieces.Count > limit.Value)
        {
            return (string.Concat(pieces.Take((int)limit.Value)), true);
        }

        return (text, false);
    }

    /// <summary>The prompt's tokens: the messages' of a chat request, else the prompt's.</summary>
    public static int PromptTokens(FakeRequest request, bool chat) =>
        chat ? request.Messages?.Sum(m => CountTokens(m.Content)) ?? 0 : CountTokens(request.Prompt);

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

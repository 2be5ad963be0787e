using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Dgt.Runtime.Blocks.Dedup;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>
/// The obviously correct rouge_scorer, written the way the specification reads: string tokens, the full LCS dynamic
/// programme, every pair compared. The fast implementation must agree with it on every decision, score and reason.
/// Also compiled into the benchmark, which times it.
/// </summary>
public static class PlainRougeReference
{
    private static readonly Regex NonTokenRuns = new("[^a-z0-9]+", RegexOptions.CultureInvariant);

    /// <summary>The verdicts for <paramref name="texts"/>, in order.</summary>
    public static IReadOnlyList<Validation> Validate(IReadOnlyList<string> texts, RougeScorerOptions options)
    {
        if (options.Threshold > 1)
        {
            return [.. texts.Select(_ => new Validation(true))];
        }

        var types = options.RougeTypes is { Count: > 0 } given ? given : ["lcs"];
        var kept = new List<(List<string> Tokens, string Name)>();
        var context = options.Context ?? [];
        for (var i = 0; i < context.Count; i++)
        {
            kept.Add((Tokenize(context[i]), $"context {i}"));
        }

        var verdicts = new List<Validation>();
        for (var row = 0; row < texts.Count; row++)
        {
            var tokens = Tokenize(texts[row]);
            var best = -1.0;
            var bestName = "";
            foreach (var (earlier, name) in kept)
            {
                var sum = 0.0;
                foreach (var type in types)
                {
                    sum += Score(type, tokens, earlier, options.ScoreFunc);
                }

                var score = sum / types.Count;
                if (score > best)
                {
                    best = score;
                    bestName = name;
                }
            }

            if (kept.Count == 0 || best < options.Threshold)
            {
                verdicts.Add(new Validation(true));
                kept.Add((tokens, $"row {row}"));
            }
            else
            {
                verdicts.Add(new Validation(false, best, Reason(types, options, best, bestName)));
            }
        }

        return verdicts;
    }

    /// <summary>Python's <c>str.lower()</c>, then runs outside [a-z0-9] become spaces, then split.</summary>
    public static List<string> Tokenize(string text)
    {
        var lowered = new StringBuilder();
        foreach (var c in text)
        {
            lowered.Append(c switch
            {
                >= 'A' and <= 'Z' => char.ToString((char)(c + 32)),
                '\u0130' => "i\u0307",
                '\u212A' => "k",
                _ => char.ToString(c),
            });
        }

        return [.. NonTokenRuns.Replace(lowered.ToString(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    private static double Score(string type, List<string> tokens, List<string> earlier, RougeScoreFunction function)
    {
        int shared, size, earlierSize;
        if (type == "lcs")
        {
            (shared, size, earlierSize) = (Lcs(tokens, earlier), tokens.Count, earlier.Count);
        }
        else
        {
            var n = int.Parse(type[2..], CultureInfo.InvariantCulture);
            var grams = Ngrams(tokens, n);
            var earlierGrams = Ngrams(earlier, n);
            (shared, size, earlierSize) = (grams.Intersect(earlierGrams).Count(), grams.Count, earlierGrams.Count);
        }

        if (size == 0 || earlierSize == 0 || shared == 0)
        {
            return 0;
        }

        var precision = (double)shared / earlierSize;
        var recall = (double)shared / size;
        return function switch
        {
            RougeScoreFunction.Precision => precision,
            RougeScoreFunction.Recall => recall,
            _ => 2 * precision * recall / (precision + recall),
        };
    }

    private static int Lcs(List<string> a, List<string> b)
    {
        var table = new int[a.Count + 1, b.Count + 1];
        for (var i = 1; i <= a.Count; i++)
        {
            for (var j = 1; j <= b.Count; j++)
            {
                table[i, j] = a[i - 1] == b[j - 1]
                    ? table[i - 1, j - 1] + 1
                    : Math.Max(table[i - 1, j], table[i, j - 1]);
            }
        }

        return table[a.Count, b.Count];
    }

    private static HashSet<string> Ngrams(List<string> tokens, int n)
    {
        var grams = new HashSet<string>();
        for (var start = 0; start + n <= tokens.Count; start++)
        {
            grams.Add(string.Join(' ', tokens.Skip(start).Take(n)));
        }

        return grams;
    }

    private static string Reason(IReadOnlyList<string> types, RougeScorerOptions options, double score, string against)
    {
        var names = types.Select(t => t == "lcs" ? "Rouge-L" : $"Rouge-{t[2..]}").ToList();
        var measure = names.Count == 1 ? names[0] : $"mean of {string.Join(", ", names)}";
        var function = options.ScoreFunc.ToString().ToLowerInvariant();
        var threshold = options.Threshold == Math.Floor(options.Threshold)
            ? options.Threshold.ToString("0.0", CultureInfo.InvariantCulture)
            : options.Threshold.ToString("R", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{measure} {function} {score:0.000} with {against} (threshold {threshold})");
    }
}

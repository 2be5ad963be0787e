using System.Text;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>
/// Seeded corpora that stress a deduplicator: exact, normalised and near duplicates, empty and punctuation-only rows,
/// non-ASCII text, and rows longer than 64 and 128 tokens (the word boundaries of a bit-parallel LCS).
/// </summary>
internal static class RandomCorpus
{
    private static readonly string[] CommonWords =
        ["what", "is", "the", "of", "a", "in", "how", "many", "which", "capital", "city", "river", "country", "largest", "does", "to"];

    private static readonly string[] OddWords =
        ["\u0130stanbul", "\u212Aelvin", "café", "Straße", "日本", "naïve", "ÅNGSTRÖM", "x86-64", "C++", "3.14", "İİ"];

    public static List<string> Create(int seed, int count)
    {
        var random = new Random(seed);
        var words = CommonWords.Concat(Enumerable.Range(0, 40).Select(_ => PseudoWord(random))).ToArray();
        var rows = new List<string>();
        while (rows.Count < count)
        {
            rows.Add(random.Next(20) switch
            {
                0 or 1 when rows.Count > 0 => rows[random.Next(rows.Count)],
                2 or 3 when rows.Count > 0 => Restyle(random, rows[random.Next(rows.Count)]),
                4 or 5 or 6 or 7 when rows.Count > 0 => Edit(random, words, rows[random.Next(rows.Count)]),
                8 => random.Next(4) switch { 0 => "", 1 => "?!...", 2 => "  \t ", _ => "日本語 中文 ß" },
                9 => Sentence(random, words, random.Next(60, 200)),
                _ => Sentence(random, words, random.Next(1, 16)),
            });
        }

        return rows;
    }

    private static string PseudoWord(Random random)
    {
        const string letters = "abcdefghijklmnopqrstuvwxyz0123456789";
        return string.Concat(Enumerable.Range(0, random.Next(2, 8)).Select(_ => letters[random.Next(letters.Length)]));
    }

    private static string Sentence(Random random, string[] words, int length)
    {
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            // Skewed towards the first words, so that some tokens are frequent and some rare.
            var index = (int)(Math.Pow(random.NextDouble(), 2) * words.Length);
            var word = random.Next(30) == 0 ? OddWords[random.Next(OddWords.Length)] : words[index];
            text.Append(word).Append(random.Next(8) == 0 ? ", " : " ");
        }

        return text.Append(random.Next(2) == 0 ? "?" : "").ToString();
    }

    private static string Restyle(Random random, string row) =>
        random.Next(3) switch
        {
            0 => row.ToUpperInvariant(),
            1 => row.Replace(" ", " -- ", StringComparison.Ordinal) + "!!",
            _ => "  " + row.Replace(",", "", StringComparison.Ordinal) + " ...",
        };

    private static string Edit(Random random, string[] words, string row)
    {
        var tokens = row.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(tokens.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    tokens.Insert(at, words[random.Next(words.Length)]);
                    break;
                case 1 when at < tokens.Count:
                    tokens.RemoveAt(at);
                    break;
                case 2 when at < tokens.Count:
                    tokens[at] = words[random.Next(words.Length)];
                    break;
                case 3 when at + 1 < tokens.Count:
                    (tokens[at], tokens[at + 1]) = (tokens[at + 1], tokens[at]);
                    break;
            }
        }

        return string.Join(' ', tokens);
    }
}

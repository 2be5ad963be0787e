using System.Text;

namespace Dgt.Bench;

/// <summary>
/// Question-like rows as a generator would produce them: a few dozen templates whose slots take names from a large
/// vocabulary with a skewed (Zipf-like) frequency, optional clauses for varied lengths, and a share of exact, restyled
/// and lightly edited copies of earlier rows.
/// </summary>
internal static class QuestionSynthesizer
{
    private static readonly string[] Templates =
    [
        "What is the capital of {place}?",
        "Which river flows through {place}?",
        "How many {thing} are there in {place}?",
        "Who wrote {work}?",
        "When did {event} take place in {place}?",
        "What is the population of {place} in {year}?",
        "Explain how {concept} works in {field}.",
        "What are the main differences between {concept} and {concept}?",
        "Why is {concept} important for {field}?",
        "Describe the history of {place} before {year}.",
        "Which {thing} is the largest in {place}?",
        "How does {concept} affect {thing} in {field}?",
        "What role did {person} play in {event}?",
        "Name three {thing} found in {place}.",
        "Is {place} larger than {place}?",
        "What language is spoken in {place}?",
        "Summarise the main idea of {work} by {person}.",
        "How would you compare {concept} with {concept} for a beginner in {field}?",
        "What caused {event}, and how did it change {place}?",
        "Give an example of {concept} from everyday life.",
        "Which mountains separate {place} from {place}?",
        "What is the official currency of {place}?",
        "List the steps needed to learn {field} from scratch.",
        "What did {person} discover about {concept}?",
        "How far is {place} from {place} by road?",
        "Can you explain {concept} in simple terms?",
        "What are the health benefits of {thing}?",
        "Which year did {person} publish {work}?",
    ];

    private static readonly string[] Openers =
    [
        "", "", "", "", "Could you tell me: ", "Briefly, ", "For a school project, ", "In your opinion, ", "Quick question: ",
        "As a {field} student, I wonder: ", "I read about {person} yesterday. ", "Out of curiosity, ", "Help me understand: ",
        "My teacher asked: ", "While travelling in {place}, I wondered: ",
    ];

    private static readonly string[] Contexts =
    [
        " Consider the situation in {place}.", " Focus on the period after {year}.", " Compare it with {concept} if relevant.",
        " Refer to the work of {person}.", " Think about {thing} and {thing}.", " Relate it to {field}.",
        " Keep {event} in mind.",
    ];

    private static readonly string[] Clauses =
    [
        " Answer in one sentence.", " Use simple words.", " Include a short example.", " Mention at least two sources.",
        " Keep it under fifty words.", " Explain your reasoning step by step.", " Assume the reader is a student.",
    ];

    public static List<string> Create(int count, int seed)
    {
        var random = new Random(seed);
        var vocabulary = new Dictionary<string, string[]>
        {
            ["place"] = Names(random, 3000, capitalised: true),
            ["thing"] = Names(random, 800, capitalised: false),
            ["work"] = Names(random, 1500, capitalised: true),
            ["event"] = Names(random, 600, capitalised: true),
            ["year"] = [.. Enumerable.Range(1500, 525).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            ["concept"] = Names(random, 1200, capitalised: false),
            ["field"] = Names(random, 150, capitalised: false),
            ["person"] = Names(random, 2500, capitalised: true),
        };

        var rows = new List<string>(count);
        while (rows.Count < count)
        {
            var roll = random.Next(100);
            rows.Add(rows.Count == 0 || roll >= 12
                ? Fresh(random, vocabulary)
                : roll switch
                {
                    < 4 => rows[random.Next(rows.Count)],
                    < 7 => Restyle(random, rows[random.Next(rows.Count)]),
                    _ => Edit(random, vocabulary, rows[random.Next(rows.Count)]),
                });
        }

        return rows;
    }

    private static string Fresh(Random random, Dictionary<string, string[]> vocabulary)
    {
        var text = new StringBuilder(Openers[random.Next(Openers.Length)]).Append(Templates[random.Next(Templates.Length)]);
        if (random.Next(2) == 0)
        {
            text.Append(Contexts[random.Next(Contexts.Length)]);
        }

        foreach (var (slot, names) in vocabulary)
        {
            var marker = "{" + slot + "}";
            int at;
            while ((at = text.ToString().IndexOf(marker, StringComparison.Ordinal)) >= 0)
            {
                text.Remove(at, marker.Length).Insert(at, Pick(random, names));
            }
        }

        for (var clauses = random.Next(3) == 0 ? random.Next(1, 3) : 0; clauses > 0; clauses--)
        {
            text.Append(Clauses[random.Next(Clauses.Length)]);
        }

        return text.ToString();
    }

    // Skewed: a few names are common, most are rare, as in generated data.
    private static string Pick(Random random, string[] names) =>
        names[(int)(Math.Pow(random.NextDouble(), 3) * names.Length)];

    private static string[] Names(Random random, int count, bool capitalised)
    {
        string[] syllables = ["ka", "lo", "mi", "ra", "ten", "sa", "vor", "el", "du", "bri", "an", "ko", "zel", "per", "ti", "mon", "gra", "us", "fe", "ol"];
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            var name = new StringBuilder();
            var words = random.Next(5) == 0 ? 2 : 1;
            for (var w = 0; w < words; w++)
            {
                var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)]));
                name.Append(w > 0 ? " " : "").Append(capitalised ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            }

            names[i] = name.ToString();
        }

        return names;
    }

    private static string Restyle(Random random, string row) => random.Next(3) switch
    {
        0 => row.ToLowerInvariant(),
        1 => row.TrimEnd('?', '.') + " ?",
        _ => "  " + row.Replace(",", "", StringComparison.Ordinal),
    };

    private static string Edit(Random random, Dictionary<string, string[]> vocabulary, string row)
    {
        var words = row.Split(' ').ToList();
        var at = random.Next(words.Count);
        switch (random.Next(3))
        {
            case 0:
                words.Insert(at, Pick(random, vocabulary["thing"]));
                break;
            case 1 when words.Count > 3:
                words.RemoveAt(at);
                break;
            default:
                words[at] = Pick(random, vocabulary["concept"]);
                break;
        }

        return string.Join(' ', words);
    }
}

using System.Globalization;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// The fake server's default reply: a "Question: …\nAnswer: …" pair chosen by the request number, different for every
/// request (after the table is used up, a round number keeps the questions distinct), so a run can fill any target.
/// </summary>
public static class GeographyResponder
{
    private static readonly (string Country, string Capital, string Continent, string Currency, string Language)[] Facts =
    [
        ("France", "Paris", "Europe", "the euro", "French"),
        ("Japan", "Tokyo", "Asia", "the yen", "Japanese"),
        ("Kenya", "Nairobi", "Africa", "the Kenyan shilling", "Swahili"),
        ("Brazil", "Brasília", "South America", "the real", "Portuguese"),
        ("Canada", "Ottawa", "North America", "the Canadian dollar", "French"),
        ("Australia", "Canberra", "Oceania", "the Australian dollar", "English"),
        ("Egypt", "Cairo", "Africa", "the Egyptian pound", "Arabic"),
        ("Norway", "Oslo", "Europe", "the Norwegian krone", "Norwegian"),
        ("Peru", "Lima", "South America", "the sol", "Quechua"),
        ("India", "New Delhi", "Asia", "the Indian rupee", "Hindi"),
        ("Mexico", "Mexico City", "North America", "the Mexican peso", "Spanish"),
        ("Ghana", "Accra", "Africa", "the cedi", "English"),
        ("Poland", "Warsaw", "Europe", "the złoty", "Polish"),
        ("Vietnam", "Hanoi", "Asia", "the đồng", "Vietnamese"),
        ("Chile", "Santiago", "South America", "the Chilean peso", "Spanish"),
        ("New Zealand", "Wellington", "Oceania", "the New Zealand dollar", "Māori"),
        ("Morocco", "Rabat", "Africa", "the dirham", "Arabic"),
        ("Portugal", "Lisbon", "Europe", "the euro", "Portuguese"),
        ("Thailand", "Bangkok", "Asia", "the baht", "Thai"),
        ("Argentina", "Buenos Aires", "South America", "the Argentine peso", "Spanish"),
        ("Cuba", "Havana", "North America", "the Cuban peso", "Spanish"),
        ("Ethiopia", "Addis Ababa", "Africa", "the birr", "Amharic"),
        ("Hungary", "Budapest", "Europe", "the forint", "Hungarian"),
        ("Mongolia", "Ulaanbaatar", "Asia", "the tögrög", "Mongolian"),
        ("Fiji", "Suva", "Oceania", "the Fijian dollar", "Fijian"),
    ];

    private const int Templates = 5;

    /// <summary>The pair for <paramref name="request"/>.</summary>
    public static string Reply(FakeRequest request) => Pair(request.Number);

    /// <summary>The pair for 1-based request number <paramref name="number"/>.</summary>
    public static string Pair(int number)
    {
        var index = Math.Max(number, 1) - 1;
        var perRound = Facts.Length * Templates;
        var round = index / perRound;
        var inRound = index % perRound;
        var fact = Facts[inRound % Facts.Length];
        var (question, answer) = (inRound / Facts.Length) switch
        {
            0 => ($"What is the capital of {fact.Country}?", fact.Capital),
            1 => ($"On which continent does {fact.Country} lie?", fact.Continent),
            2 => ($"{fact.Capital} is the capital of which country?", fact.Country),
            3 => ($"What currency is used in {fact.Country}?", fact.Currency),
            _ => ($"Name a language widely spoken in {fact.Country}.", fact.Language),
        };
        var prefix = round == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $"Quiz round {round + 1}: ");
        return $"Question: {prefix}{question}\nAnswer: {answer}";
    }
}

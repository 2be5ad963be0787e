namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>Turns the geography builders' replies into rows: one per reply text that holds a question and an answer.</summary>
public static class GeographyRows
{
    /// <summary>
    /// A row from every reply text (several per request with the engine's <c>n</c>; a request whose choices partly
    /// failed still gives the rows of those that came back), in request order; <paramref name="malformed"/> is called
    /// once per text that does not parse.
    /// </summary>
    public static List<GeographyQaData> From(IEnumerable<LmResult<IReadOnlyList<GeographyQaData>>> replies, Action malformed)
    {
        var rows = new List<GeographyQaData>();
        foreach (var (reply, text) in replies.SelectMany(r => r.Texts.Select(text => (r, text))))
        {
            if (QaReply.TryParse(text) is not var (question, answer))
            {
                malformed();
                continue;
            }

            rows.Add(new GeographyQaData { TaskName = reply.Reference[0].TaskName, Question = question, Answer = answer });
        }

        return rows;
    }
}

namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>Reads "Question: …\nAnswer: …" out of a model's reply, tolerating chatter, spacing and CR/LF.</summary>
public static class QaReply
{
    private const string QuestionLabel = "Question:";
    private const string AnswerLabel = "Answer:";

    /// <summary>The pair, or null when the reply does not hold exactly one non-empty question and answer.</summary>
    public static (string Question, string Answer)? TryParse(string reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        var answerAt = text.IndexOf(AnswerLabel, StringComparison.OrdinalIgnoreCase);
        if (answerAt < 0 || text.IndexOf(AnswerLabel, answerAt + AnswerLabel.Length, StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return null;
        }

        // Leading chatter ("Sure! Here is one:") sits before the last question label, so only what follows it counts.
        var questionPart = text[..answerAt];
        var questionAt = questionPart.LastIndexOf(QuestionLabel, StringComparison.OrdinalIgnoreCase);
        var question = Clean(questionAt >= 0 ? questionPart[(questionAt + QuestionLabel.Length)..] : questionPart);
        var answer = Clean(text[(answerAt + AnswerLabel.Length)..]);
        return question.Length == 0 || answer.Length == 0 ? null : (question, answer);
    }

    private static string Clean(string part) =>
        string.Join(' ', part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

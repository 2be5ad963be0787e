using System.Text;

namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>The few-shot prompt that asks for one new question-answer pair.</summary>
public static class GeographyPrompt
{
    private const string Instructions =
        "You are a geography question-answering data generator. Your task is to come up with geography-related " +
        "question-answer pairs that can be used to train a question-answering system.\n\nHere are few examples:\n\n";

    private const string Request = "\n\nNow generate a single different question-answer pair in the similar format.\n\n";

    public static string Render(IReadOnlyList<GeographyQaData> examples)
    {
        var prompt = new StringBuilder(Instructions);
        for (var i = 0; i < examples.Count; i++)
        {
            if (i > 0)
            {
                prompt.Append("\n\n");
            }

            prompt.Append("Question: ").Append(examples[i].Question).Append("\nAnswer: ").Append(examples[i].Answer);
        }

        return prompt.Append(Request).ToString();
    }
}

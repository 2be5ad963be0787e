using System.Text;

namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>The few-shot prompt that asks for one new question-answer pair, as one text or as chat messages.</summary>
public static class GeographyPrompt
{
    /// <summary>In-context examples drawn from the batch for each prompt.</summary>
    public const int ExamplesPerPrompt = 3;

    private const string Role =
        "You are a geography question-answering data generator. Your task is to come up with geography-related " +
        "question-answer pairs that can be used to train a question-answering system.";

    private const string ExamplesHeading = "Here are few examples:\n\n";

    private const string Instructions = Role + "\n\n" + ExamplesHeading;

    private const string Request = "\n\nNow generate a single different question-answer pair in the similar format.\n\n";

    public static string Render(IReadOnlyList<GeographyQaData> examples) =>
        AppendExamples(new StringBuilder(Instructions), examples).Append(Request).ToString();

    /// <summary>The same request for a chat model: the role as the system message, the examples and the ask as the user's.</summary>
    public static IReadOnlyList<ChatMessage> RenderChat(IReadOnlyList<GeographyQaData> examples) =>
    [
        ChatMessage.System(Role),
        ChatMessage.User(AppendExamples(new StringBuilder(ExamplesHeading), examples).Append(Request.TrimEnd()).ToString()),
    ];

    private static StringBuilder AppendExamples(StringBuilder prompt, IReadOnlyList<GeographyQaData> examples)
    {
        for (var i = 0; i < examples.Count; i++)
        {
            if (i > 0)
            {
                prompt.Append("\n\n");
            }

            prompt.Append("Question: ").Append(examples[i].Question).Append("\nAnswer: ").Append(examples[i].Answer);
        }

        return prompt;
    }
}

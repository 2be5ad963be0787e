namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>
/// Generates geography question-answer pairs: for each input row, one prompt with three in-context examples drawn
/// from the batch, and a row from each reply to it (several with the generator's <c>n</c>); replies that do not parse
/// are dropped and counted.
/// </summary>
[DataBuilder("public/test/geography_qa")]
public sealed partial class GeographyQaBuilder : GenerationDataBuilder<GeographyQaData>
{
    private const int ExamplesPerPrompt = 3;

    [Block] private LMProvider generator = null!;

    protected override async Task<IReadOnlyList<GeographyQaData>> GenerateAsync(
        GenerationBatch<GeographyQaData> batch, CancellationToken cancellationToken)
    {
        var requests = batch.Inputs.Select(_ =>
        {
            var examples = batch.Random.Choices(batch.Inputs, ExamplesPerPrompt);
            return LmRequest.Completion(GeographyPrompt.Render(examples), reference: examples);
        });
        var replies = await generator.RunAsync(requests, cancellationToken);

        var rows = new List<GeographyQaData>();
        // A request whose choices partly failed still gives the rows of those that came back.
        foreach (var (reply, text) in replies.SelectMany(r => r.Texts.Select(text => (r, text))))
        {
            if (QaReply.TryParse(text) is not var (question, answer))
            {
                Count("malformed_replies");
                continue;
            }

            rows.Add(new GeographyQaData { TaskName = reply.Reference[0].TaskName, Question = question, Answer = answer });
        }

        return rows;
    }
}

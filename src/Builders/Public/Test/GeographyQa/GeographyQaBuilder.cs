namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>
/// Generates geography question-answer pairs: for each input row, one prompt with three in-context examples drawn
/// from the batch; replies that do not parse are dropped and counted.
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
        foreach (var reply in replies.Where(r => r.Succeeded))
        {
            if (QaReply.TryParse(reply.Text) is not var (question, answer))
            {
                Count("malformed_replies");
                continue;
            }

            rows.Add(new GeographyQaData { TaskName = reply.Reference[0].TaskName, Question = question, Answer = answer });
        }

        return rows;
    }
}

namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>
/// Generates geography question-answer pairs: for each input row, one prompt with three in-context examples drawn
/// from the batch, and a row from each reply to it (several with the generator's <c>n</c>); replies that do not parse
/// are dropped and counted.
/// </summary>
[DataBuilder("public/test/geography_qa")]
public sealed partial class GeographyQaBuilder : GenerationDataBuilder<GeographyQaData>
{
    [Block] private LMProvider generator = null!;

    protected override async Task<IReadOnlyList<GeographyQaData>> GenerateAsync(
        GenerationBatch<GeographyQaData> batch, CancellationToken cancellationToken)
    {
        var requests = batch.Inputs.Select(_ =>
        {
            var examples = batch.Random.Choices(batch.Inputs, GeographyPrompt.ExamplesPerPrompt);
            return LmRequest.Completion(GeographyPrompt.Render(examples), reference: examples);
        });
        var replies = await generator.RunAsync(requests, cancellationToken);

        return GeographyRows.From(replies, () => Count("malformed_replies"));
    }
}

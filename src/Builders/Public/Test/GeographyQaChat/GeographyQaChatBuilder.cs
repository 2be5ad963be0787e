using Dgt.Builders.Public.Test.GeographyQa;

namespace Dgt.Builders.Public.Test.GeographyQaChat;

/// <summary>
/// The geography question-answer generator for chat models: the same few-shot request as
/// <see cref="GeographyQaBuilder"/>, sent as a system and a user message to the engine's chat endpoint.
/// </summary>
[DataBuilder("public/test/geography_qa_chat")]
public sealed partial class GeographyQaChatBuilder : GenerationDataBuilder<GeographyQaData>
{
    [Block] private LMProvider generator = null!;

    protected override async Task<IReadOnlyList<GeographyQaData>> GenerateAsync(
        GenerationBatch<GeographyQaData> batch, CancellationToken cancellationToken)
    {
        var requests = batch.Inputs.Select(_ =>
        {
            var examples = batch.Random.Choices(batch.Inputs, GeographyPrompt.ExamplesPerPrompt);
            return LmRequest.Chat(GeographyPrompt.RenderChat(examples), reference: examples);
        });
        var replies = await generator.RunAsync(requests, cancellationToken);

        return GeographyRows.From(replies, () => Count("malformed_replies"));
    }
}

namespace Dgt.Runtime.Tests.Support;

/// <summary>
/// The test builder over the runtime's real built-in blocks (<c>ollama</c>, <c>rouge_scorer</c>), bound by the code the
/// generator emitted into Dgt.Runtime: start-up checks see exactly what the program sees.
/// </summary>
public sealed class BuiltInBlocksRegistry : IBuilderRegistry
{
    public const string BuilderYaml = """
        name: test/qa
        blocks:
          - name: generator
            type: ollama
            model_id_or_path: mistral-small3.2
          - name: dedup
            type: rouge_scorer
            filter: true
            input_map:
              question: input
        postprocessors:
          - name: dedup
        """;

    public IReadOnlyList<BuilderRegistration> Builders { get; } =
    [
        new GenerationBuilderRegistration<QaRow>("test/qa", "test/qa.yaml", BuilderYaml, static () => new QaBuilder(), QaRowCodec.Instance,
            static (row, task) => QaRowCodec.Instance.Read(row, task)),
    ];

    public IReadOnlyList<BlockTypeRegistration> BlockTypes => Dgt.Runtime.Generated.BlockCatalog.All;
}

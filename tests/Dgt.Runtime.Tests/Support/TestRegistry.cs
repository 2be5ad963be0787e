namespace Dgt.Runtime.Tests.Support;

/// <summary>A registry with the test builder and in-test blocks, in the shape the generator emits.</summary>
public sealed class TestRegistry(Func<int, string, string?> reply, string builderYaml) : IBuilderRegistry
{
    public const string DefaultBuilderYaml = """
        name: test/qa
        blocks:
          - name: generator
            type: scripted
            model_id_or_path: scripted-model
          - name: dedup
            type: exact_dedup
            filter: true
            input_map:
              question: input
        postprocessors:
          - name: dedup
        """;

    public TestRegistry(Func<int, string, string?> reply)
        : this(reply, DefaultBuilderYaml)
    {
    }

    public ScriptedEngine? Engine { get; private set; }

    public IReadOnlyList<BuilderRegistration> Builders =>
    [
        new GenerationBuilderRegistration<QaRow>("test/qa", "test/qa.yaml", builderYaml, static () => new QaBuilder(), QaRowCodec.Instance,
            static (row, task) => QaRowCodec.Instance.Read(row, task)),
    ];

    public IReadOnlyList<BlockTypeRegistration> BlockTypes =>
    [
        new("scripted", [], "ScriptedEngine", [new ConfigField("model_id_or_path", [], ConfigFieldKind.Text, IsRequired: true, "a model name")],
            ["global::Dgt.Runtime.Tests.Support.ScriptedEngine", "global::Dgt.LMProvider", "global::Dgt.IBlock"], IsValidator: false, (map, context) =>
        {
            map.ReportUnknownKeys(["model_id_or_path"]);
            if (!map.TryGetString("model_id_or_path", out _))
            {
                map.ReportMissing("model_id_or_path", "a model name");
            }

            return map.HasErrors ? null : Engine = new ScriptedEngine(context.Name, reply);
        }),
        new("exact_dedup", [], "ExactDedup", [new ConfigField("filter", [], ConfigFieldKind.Boolean, IsRequired: false, "true or false")],
            ["global::Dgt.Runtime.Tests.Support.ExactDedup", "global::Dgt.IValidatorBlock", "global::Dgt.IBlock"], IsValidator: true, (map, context) =>
        {
            map.ReportUnknownKeys(["filter"]);
            var filter = map.TryGetBoolean("filter", out var f) && f;
            return map.HasErrors ? null : new ExactDedup(context.Name, filter);
        }),
    ];
}

namespace Dgt.Generators.Specs;

/// <summary>The program's registry: its builders, their codecs, and the block catalogs it gathers.</summary>
/// <param name="Namespace">Where the registry, the YAMLs and the codecs go: the project's generated namespace.</param>
/// <param name="Builders">Sorted by name.</param>
/// <param name="Codecs">One per row record type, sorted by name.</param>
/// <param name="Catalogs">Fully qualified catalog classes: referenced ones sorted, this assembly's own last.</param>
internal sealed record ProgramSpec(
    string Namespace,
    EquatableArray<RegisteredBuilderSpec> Builders,
    EquatableArray<CodecSpec> Codecs,
    EquatableArray<string> Catalogs);

/// <summary>A builder as the registry lists it, with its YAML.</summary>
/// <param name="YamlConstant">The name of the constant holding the YAML text.</param>
/// <param name="CodecName">The name of the generated codec class for its rows.</param>
internal sealed record RegisteredBuilderSpec(
    BuilderSpec Builder, string YamlPath, string YamlText, string YamlConstant, string CodecName);

/// <summary>A generated row codec.</summary>
internal sealed record CodecSpec(string Name, RecordSpec Record);

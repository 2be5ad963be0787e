namespace Dgt.Generators.Specs;

/// <summary>A task YAML of the repository, read far enough to check it against the builders.</summary>
/// <param name="Path">The file path as the compiler knows it.</param>
/// <param name="Text">The whole text, read again when its seeds are checked against the builder's rows.</param>
/// <param name="DataBuilder">The <c>data_builder:</c> value, when it is text.</param>
/// <param name="DataBuilderLocation">Where that value is written.</param>
internal sealed record TaskYamlSpec(
    string Path,
    string Text,
    string? DataBuilder,
    LocationInfo? DataBuilderLocation);

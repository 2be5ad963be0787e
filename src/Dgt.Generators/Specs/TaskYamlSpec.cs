namespace Dgt.Generators.Specs;

/// <summary>A task YAML of the repository, read far enough to check it against the builders.</summary>
/// <param name="Path">The file path as the compiler knows it.</param>
/// <param name="DataBuilder">The <c>data_builder:</c> value, when it is text.</param>
/// <param name="DataBuilderLocation">Where that value is written.</param>
/// <param name="Seeds">The mappings of <c>seed_examples:</c>, in order.</param>
internal sealed record TaskYamlSpec(
    string Path,
    string? DataBuilder,
    LocationInfo? DataBuilderLocation,
    EquatableArray<SeedRowSpec> Seeds);

/// <summary>One seed example.</summary>
/// <param name="Number">Its 1-based position in <c>seed_examples:</c>, for messages.</param>
/// <param name="Location">The row's first key, where a missing field is reported.</param>
/// <param name="Values">Its keys and values.</param>
internal sealed record SeedRowSpec(int Number, LocationInfo Location, EquatableArray<YamlOptionSpec> Values);

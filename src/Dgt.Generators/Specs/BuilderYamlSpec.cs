namespace Dgt.Generators.Specs;

/// <summary>A builder YAML, read far enough to check it against the C# side.</summary>
/// <param name="Path">The file path as the compiler knows it.</param>
/// <param name="RelativePath">The path from the project directory, with forward slashes.</param>
/// <param name="Text">The whole text, embedded into the program.</param>
/// <param name="IsReadable">False when the YAML could not be parsed (the reason is reported).</param>
/// <param name="Name">The top-level <c>name:</c>.</param>
/// <param name="NameLocation">Where <c>name:</c>'s value is, or the file start.</param>
/// <param name="BlocksLocation">Where the <c>blocks:</c> key is, or the file start.</param>
/// <param name="Blocks">The <c>blocks:</c> entries, in order.</param>
/// <param name="Postprocessors">The <c>postprocessors:</c> entries that name a block, in order.</param>
internal sealed record BuilderYamlSpec(
    string Path,
    string RelativePath,
    string Text,
    bool IsReadable,
    string? Name,
    LocationInfo NameLocation,
    LocationInfo BlocksLocation,
    EquatableArray<YamlBlockSpec> Blocks,
    EquatableArray<YamlPostprocessorSpec> Postprocessors);

/// <summary>One entry of <c>postprocessors:</c>: the block it runs, and where that name is written.</summary>
internal sealed record YamlPostprocessorSpec(string BlockName, LocationInfo Location);

/// <summary>One entry of <c>blocks:</c>.</summary>
/// <param name="Location">The entry as a whole.</param>
/// <param name="Options">Every key but <c>name</c> and <c>type</c>.</param>
/// <param name="InputMap">The scalar entries of <c>input_map</c>: row field → block field.</param>
/// <param name="OutputMap">The scalar entries of <c>output_map</c>: block field → row field.</param>
internal sealed record YamlBlockSpec(
    string? Name,
    LocationInfo? NameLocation,
    string? Type,
    LocationInfo? TypeLocation,
    LocationInfo Location,
    EquatableArray<YamlOptionSpec> Options,
    EquatableArray<YamlMapEntrySpec> InputMap,
    EquatableArray<YamlMapEntrySpec> OutputMap);

/// <summary>One entry of an <c>input_map</c> or <c>output_map</c>, with where its key and value are written.</summary>
internal sealed record YamlMapEntrySpec(string Key, LocationInfo KeyLocation, string Value, LocationInfo ValueLocation);

/// <summary>How a YAML value is written.</summary>
internal enum YamlValueKind
{
    Null,
    Scalar,
    Sequence,
    Mapping,
}

/// <summary>One option of a YAML block.</summary>
/// <param name="ScalarText">The text of a scalar value.</param>
/// <param name="NestedProblem">
/// For a list or mapping holding something other than single values: the first such item, for scalar-list and
/// scalar-map options.
/// </param>
internal sealed record YamlOptionSpec(
    string Key,
    LocationInfo KeyLocation,
    YamlValueKind Kind,
    string ScalarText,
    LocationInfo ValueLocation,
    YamlNestedProblem? NestedProblem);

/// <summary>An item of a list or mapping value that is not a single value.</summary>
internal sealed record YamlNestedProblem(string KindName, LocationInfo Location);

namespace Dgt.Generators.Specs;

/// <summary>A builder YAML, read far enough to match it with its builder; its rules are checked at link time.</summary>
/// <param name="Path">The file path as the compiler knows it.</param>
/// <param name="RelativePath">The path from the project directory, with forward slashes.</param>
/// <param name="Text">The whole text, embedded into the program.</param>
/// <param name="IsReadable">False when the YAML could not be parsed (the reason is reported).</param>
/// <param name="Name">The top-level <c>name:</c>.</param>
/// <param name="NameLocation">Where <c>name:</c>'s value is, or the file start.</param>
internal sealed record BuilderYamlSpec(
    string Path,
    string RelativePath,
    string Text,
    bool IsReadable,
    string? Name,
    LocationInfo NameLocation);

namespace Dgt;

/// <summary>The kinds of value a configured key holds (a block option or a row field), as generated code describes them.</summary>
public enum ConfigFieldKind
{
    /// <summary>A single value, read as text.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number within the range.</summary>
    WholeNumber,

    /// <summary>A finite number within the range.</summary>
    Number,

    /// <summary>A list of single values.</summary>
    TextList,

    /// <summary>A mapping of single values.</summary>
    TextMap,

    /// <summary>One of the choices.</summary>
    Choice,
}

/// <summary>
/// One key the program reads from configuration, as generated code describes it: an option of a block type (in the
/// block catalog) or a field of a row record (in its codec), so start-up checks a YAML block or a seed row by the same
/// rules the build used. <paramref name="Expected"/> is what the value must be, for messages.
/// </summary>
public sealed record ConfigField(
    string Key,
    IReadOnlyList<string> Aliases,
    ConfigFieldKind Kind,
    bool IsRequired,
    string Expected,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Choices = null);

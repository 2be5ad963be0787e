namespace Dgt;

/// <summary>The kinds of value a block option holds, as the generated catalog describes them.</summary>
public enum BlockOptionKind
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
/// One option of a block type as the generated catalog describes it, so start-up checks a YAML block by the same rules
/// the build used. <paramref name="Expected"/> is what the value must be, for messages.
/// </summary>
public sealed record BlockOption(
    string Key,
    IReadOnlyList<string> Aliases,
    BlockOptionKind Kind,
    bool IsRequired,
    string Expected,
    double? Minimum = null,
    double? Maximum = null,
    IReadOnlyList<string>? Choices = null);

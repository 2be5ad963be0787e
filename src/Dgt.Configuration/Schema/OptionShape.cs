using System.Collections.Generic;

namespace Dgt.Configuration.Schema;

/// <summary>The kinds of value a YAML key can hold.</summary>
public enum ValueShape
{
    /// <summary>A single value, read as text.</summary>
    Text,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A whole number within the option's range.</summary>
    WholeNumber,

    /// <summary>A finite number within the option's range.</summary>
    Number,

    /// <summary>A list of single values (one single value counts as a list of one).</summary>
    TextList,

    /// <summary>A mapping of single values.</summary>
    TextMap,

    /// <summary>One of the option's choices, in any letter case.</summary>
    Choice,
}

/// <summary>
/// What one key of a block's options (or a row's fields) accepts: built by the generator from the C# property at build
/// time, and from the generated catalog at start-up, so both check a value by the same rule.
/// </summary>
public sealed class OptionShape
{
    /// <summary>Creates an option's shape.</summary>
    public OptionShape(
        string key,
        IReadOnlyList<string> aliases,
        ValueShape shape,
        bool isRequired,
        string expected,
        double? minimum = null,
        double? maximum = null,
        IReadOnlyList<string>? choices = null)
    {
        Key = key;
        Aliases = aliases;
        Shape = shape;
        IsRequired = isRequired;
        Expected = expected;
        Minimum = minimum;
        Maximum = maximum;
        Choices = choices ?? new string[0];
    }

    /// <summary>The YAML key.</summary>
    public string Key { get; }

    /// <summary>Other spellings of the key.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The kind of value.</summary>
    public ValueShape Shape { get; }

    /// <summary>True when the key must be present with a value.</summary>
    public bool IsRequired { get; }

    /// <summary>What the value must be, for messages: "a number from 0 to 2".</summary>
    public string Expected { get; }

    /// <summary>The smallest number accepted (inclusive).</summary>
    public double? Minimum { get; }

    /// <summary>The largest number accepted (inclusive).</summary>
    public double? Maximum { get; }

    /// <summary>The accepted spellings of a <see cref="ValueShape.Choice"/>.</summary>
    public IReadOnlyList<string> Choices { get; }
}

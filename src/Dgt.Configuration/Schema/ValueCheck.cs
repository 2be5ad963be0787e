using System;
using System.Globalization;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>Whether a YAML value fits an option (or a row field): the one rule, for the build and for start-up.</summary>
public static class ValueCheck
{
    /// <summary>
    /// Null when <paramref name="value"/> (not empty) fits <paramref name="option"/>; otherwise what it is instead
    /// ("'hot'", "a list", "a list holding a mapping") and where.
    /// </summary>
    public static (string Actual, SourceSpan Span)? Misfit(OptionShape option, ConfigNode value)
    {
        var wrong = (Describe(value), value.Span);
        switch (option.Shape)
        {
            case ValueShape.TextList:
                return value switch
                {
                    ConfigScalar => null,
                    ConfigSequence list => list.Items.FirstOrDefault(i => i is not ConfigScalar) is { } item
                        ? ("a list holding " + item.KindName, item.Span)
                        : null,
                    _ => wrong,
                };
            case ValueShape.TextMap:
                return value is ConfigMapping map
                    ? map.Entries.Select(e => e.Value).FirstOrDefault(v => v is not ConfigScalar) is { } nested
                        ? ("a mapping holding " + nested.KindName, nested.Span)
                        : null
                    : wrong;
        }

        if (value is not ConfigScalar scalar)
        {
            return wrong;
        }

        return ScalarFits(option, scalar.Value) ? null : wrong;
    }

    /// <summary>Whether a single value written as <paramref name="text"/> fits a single-value option.</summary>
    public static bool ScalarFits(OptionShape option, string text) => option.Shape switch
    {
        ValueShape.Boolean => TryReadBoolean(text, out _),
        ValueShape.WholeNumber => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) &&
                                  InRange(whole, option),
        ValueShape.Number => TryReadNumber(text, out var number) && InRange(number, option),
        ValueShape.Choice => option.Choices.Any(c => string.Equals(c, text, StringComparison.OrdinalIgnoreCase)),
        _ => true,
    };

    /// <summary>YAML's spellings of true and false.</summary>
    public static bool TryReadBoolean(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE";
        return value || text is "false" or "False" or "FALSE";
    }

    /// <summary>A finite number in the invariant culture.</summary>
    public static bool TryReadNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);

    private static bool InRange(double value, OptionShape option) =>
        (option.Minimum is not { } minimum || value >= minimum) && (option.Maximum is not { } maximum || value <= maximum);

    private static string Describe(ConfigNode value) => value switch
    {
        ConfigSequence => "a list",
        ConfigMapping => "a mapping",
        ConfigScalar scalar => "'" + scalar.Value + "'",
        _ => value.KindName,
    };
}

using System.Globalization;
using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Whether a YAML value fits a property: block options and seed rows are judged by the same rules.</summary>
internal static class ValueFit
{
    /// <summary>Mirrors what the generated binder accepts at run time, so that a build that passes never fails there.</summary>
    public static (string Actual, LocationInfo Location)? Problem(PropertySpec property, YamlOptionSpec option)
    {
        var actual = option.Kind switch
        {
            YamlValueKind.Sequence => "a list",
            YamlValueKind.Mapping => "a mapping",
            _ => "'" + option.ScalarText + "'",
        };
        var wrong = (actual, option.ValueLocation);
        switch (property.Kind)
        {
            case ValueKind.StringList or ValueKind.StringArray:
                if (option.Kind == YamlValueKind.Mapping)
                {
                    return wrong;
                }

                return option.NestedProblem is { } item ? ("a list holding " + item.KindName, item.Location) : null;
            case ValueKind.StringMap:
                if (option.Kind != YamlValueKind.Mapping)
                {
                    return wrong;
                }

                return option.NestedProblem is { } value ? ("a mapping holding " + value.KindName, value.Location) : null;
        }

        if (option.Kind != YamlValueKind.Scalar)
        {
            return wrong;
        }

        var text = option.ScalarText;
        return property.Kind switch
        {
            ValueKind.String => null,
            ValueKind.Boolean => text is "true" or "True" or "TRUE" or "false" or "False" or "FALSE" ? null : wrong,
            ValueKind.Int32 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var small) &&
                               small is >= int.MinValue and <= int.MaxValue && InRange(small, property.Range) ? null : wrong,
            ValueKind.Int64 => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) &&
                               InRange(whole, property.Range) ? null : wrong,
            ValueKind.Double or ValueKind.Single =>
                double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) &&
                !double.IsNaN(number) && !double.IsInfinity(number) && InRange(number, property.Range) ? null : wrong,
            ValueKind.Enum => property.EnumMembers.Any(m => string.Equals(m.Key, text, System.StringComparison.OrdinalIgnoreCase)) ? null : wrong,
            _ => null,
        };
    }

    private static bool InRange(double value, RangeSpec? range) =>
        range is null || (value >= range.Minimum && value <= range.Maximum);
}

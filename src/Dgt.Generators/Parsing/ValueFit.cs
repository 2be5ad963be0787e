using Dgt.Configuration.Schema;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Whether a YAML value fits a property: block options and seed rows are judged by the same rules.</summary>
internal static class ValueFit
{
    /// <summary>A seed value against its field, by the shared value rule (lists and mappings judged on the spec's summary).</summary>
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

        return ValueCheck.ScalarFits(SchemaShapes.From(property), option.ScalarText) ? null : wrong;
    }
}

using System.Collections.Generic;
using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes the statements that read a record's properties from an <c>IConfigMap</c>, shared by block option binders
/// and row codecs, so both read the same YAML the same way.
/// </summary>
internal static class PropertyReadEmitter
{
    /// <summary>Whether the reads report the values the rules do not accept.</summary>
    public enum Checking
    {
        /// <summary>Row values (seed rows, resumed rows): no schema checked them, so ranges, choices and required values are reported here.</summary>
        Report,

        /// <summary>Block options: BlockOptionCheck checked them before any block is created, so they are only converted.</summary>
        None,
    }

    /// <summary>A property and the local its value is read into.</summary>
    public sealed record ReadProperty(PropertySpec Property, string Local, string KeyExpression);

    /// <summary>Declares one nullable local per property and reads it; returns the locals.</summary>
    public static IReadOnlyList<ReadProperty> EmitReads(
        SourceWriter writer, string map, IEnumerable<PropertySpec> properties, HashSet<string> takenNames, Checking checking)
    {
        var reads = new List<ReadProperty>();
        foreach (var property in properties)
        {
            var local = Identifiers.Local(property.Name, takenNames);
            var keyExpression = Literals.String(property.Key);
            if (!property.Aliases.IsEmpty)
            {
                var keyLocal = Identifiers.Companion(local, "Key");
                takenNames.Add(keyLocal);
                var allKeys = string.Join(", ", new[] { property.Key }.Concat(property.Aliases).Select(Literals.String));
                writer.Line($"var {keyLocal} = {map}.FindKey({allKeys}) ?? {keyExpression};");
                keyExpression = keyLocal;
            }

            writer.Line($"{LocalType(property)}? {local} = null;");
            EmitRead(writer, map, property, local, keyExpression, checking);
            if (property.IsRequired && checking == Checking.Report)
            {
                writer.Line();
                using (writer.Block($"if ({local} is null)"))
                {
                    writer.Line($"{map}.ReportRequired({keyExpression}, {Literals.String(property.Expected)});");
                }
            }

            writer.Line();
            reads.Add(new ReadProperty(property, local, keyExpression));
        }

        return reads;
    }

    /// <summary><c>Name = name!,</c> for the object initializer of required properties.</summary>
    public static string RequiredAssignment(ReadProperty read) =>
        IsValueType(read.Property.Kind) && !read.Property.IsNullableValueType
            ? $"{read.Property.Name} = {read.Local}.GetValueOrDefault(),"
            : $"{read.Property.Name} = {read.Local}{(read.Property.IsNullableValueType ? "" : "!")},";

    /// <summary>The value to put into a <c>with</c> expression once the local is known not to be null.</summary>
    public static string OptionalValue(ReadProperty read) =>
        IsValueType(read.Property.Kind) && !read.Property.IsNullableValueType ? read.Local + ".Value" : read.Local;

    public static bool IsValueType(ValueKind kind) =>
        kind is ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Single or ValueKind.Enum;

    private static string LocalType(PropertySpec property) => property.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Boolean => "bool",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.Single => "float",
        ValueKind.StringList => "global::System.Collections.Generic.IReadOnlyList<string>",
        ValueKind.StringArray => "string[]",
        ValueKind.StringMap => "global::System.Collections.Generic.IReadOnlyDictionary<string, string>",
        _ => property.TypeName,
    };

    private static void EmitRead(SourceWriter writer, string map, PropertySpec property, string local, string key, Checking checking)
    {
        var value = Identifiers.Companion(local, "Value");
        switch (property.Kind)
        {
            case ValueKind.String:
                Simple(writer, $"{map}.TryGetString({key}, out var {value})", $"{local} = {value};");
                break;
            case ValueKind.Boolean:
                Simple(writer, $"{map}.TryGetBoolean({key}, out var {value})", $"{local} = {value};");
                break;
            case ValueKind.StringList:
                Simple(writer, $"{map}.TryGetStringList({key}, out var {value})", $"{local} = {value};");
                break;
            case ValueKind.StringArray:
                Simple(writer, $"{map}.TryGetStringList({key}, out var {value})", $"{local} = [.. {value}];");
                break;
            case ValueKind.StringMap:
                Simple(writer, $"{map}.TryGetStringMap({key}, out var {value})", $"{local} = {value};");
                break;
            case ValueKind.Int32:
            case ValueKind.Int64:
                Number(writer, map, property, local, key, value, $"{map}.TryGetInt64({key}, out var {value})", checking);
                break;
            case ValueKind.Double:
            case ValueKind.Single:
                Number(writer, map, property, local, key, value, $"{map}.TryGetDouble({key}, out var {value})", checking);
                break;
            default:
                EnumValue(writer, map, property, local, key, checking);
                break;
        }
    }

    private static void Simple(SourceWriter writer, string condition, string assignment)
    {
        using (writer.Block($"if ({condition})"))
        {
            writer.Line(assignment);
        }
    }

    private static void Number(
        SourceWriter writer, string map, PropertySpec property, string local, string key, string value, string condition, Checking checking)
    {
        var cast = property.Kind switch
        {
            ValueKind.Int32 => "(int)",
            ValueKind.Single => "(float)",
            _ => "",
        };
        var (minimum, maximum, expected) = Bounds(property);
        using (writer.Block($"if ({condition})"))
        {
            if (checking == Checking.None)
            {
                // The check kept a 32-bit value in range; should it ever not have, the cast throws rather than wraps.
                writer.Line(property.Kind == ValueKind.Int32 ? $"{local} = checked((int){value});" : $"{local} = {cast}{value};");
                return;
            }

            if (minimum is null)
            {
                writer.Line($"{local} = {cast}{value};");
                return;
            }

            using (writer.Block($"if ({value} < {minimum} || {value} > {maximum})"))
            {
                writer.Line($"{map}.ReportInvalid({key}, {Literals.String(expected)});");
            }

            using (writer.Block("else"))
            {
                writer.Line($"{local} = {cast}{value};");
            }
        }
    }

    private static (string? Minimum, string? Maximum, string Expected) Bounds(PropertySpec property)
    {
        var range = property.Range;
        var whole = property.Kind is ValueKind.Int32 or ValueKind.Int64;
        if (property.Kind == ValueKind.Int32 && (range is null || range.Minimum < int.MinValue || range.Maximum > int.MaxValue))
        {
            // A 32-bit property is read as a 64-bit number: it must fit even when no range says so.
            var minimum = range is null || range.Minimum < int.MinValue ? "int.MinValue" : Bound(range.Minimum, whole);
            var maximum = range is null || range.Maximum > int.MaxValue ? "int.MaxValue" : Bound(range.Maximum, whole);
            var expected = range is null ? "a whole number from -2147483648 to 2147483647" : property.Expected;
            return (minimum, maximum, expected);
        }

        return range is null
            ? (null, null, property.Expected)
            : (Bound(range.Minimum, whole), Bound(range.Maximum, whole), property.Expected);
    }

    /// <summary>A whole bound of a whole-number property is written as an integer: <c>1</c>, not <c>1.0</c>.</summary>
    private static string Bound(double value, bool whole) =>
        whole && value == System.Math.Floor(value) && System.Math.Abs(value) < 9e15
            ? ((long)value).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : Literals.Double(value);

    private static void EnumValue(SourceWriter writer, string map, PropertySpec property, string local, string key, Checking checking)
    {
        var text = Identifiers.Companion(local, "Text");
        using (writer.Block($"if ({map}.TryGetString({key}, out var {text}))"))
        {
            using (writer.Block($"{local} = {text}.ToLowerInvariant() switch", "};"))
            {
                foreach (var member in property.EnumMembers)
                {
                    writer.Line($"{Literals.String(member.Key)} => {property.TypeName}.{member.MemberName},");
                }

                writer.Line("_ => null,");
            }

            if (checking == Checking.None)
            {
                return;
            }

            using (writer.Block($"if ({local} is null)"))
            {
                writer.Line($"{map}.ReportInvalid({key}, {Literals.String(property.Expected)});");
            }
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Parsing;

/// <summary>Reads a record type's settable properties into a <see cref="RecordSpec"/>.</summary>
internal static class RecordParser
{
    /// <summary>
    /// The record's properties, base types first. Properties of <c>Dgt.DataPoint</c> are left out (the codec handles
    /// them itself). Problems are added to <paramref name="diagnostics"/> only for types declared in source: a
    /// referenced library reported its own when it was built. Returns null when the record cannot be built.
    /// </summary>
    public static RecordSpec? Parse(
        INamedTypeSymbol type, LocationInfo? fallbackLocation, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var location = type.FirstLocation() ?? fallbackLocation;
        var fromSource = type.Locations.Any(l => l.IsInSource);
        var problem = ConstructionProblem(type);
        if (problem is not null)
        {
            if (fromSource || fallbackLocation is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidRecord.Id, location, type.ForMessages(), problem));
            }

            return null;
        }

        var properties = new List<PropertySpec>();
        var seen = new HashSet<string>();
        var supported = true;
        foreach (var declaring in BaseFirst(type))
        {
            foreach (var property in declaring.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsBindable(property) || !seen.Add(property.Name))
                {
                    continue;
                }

                var spec = ParseProperty(property);
                if (spec is null)
                {
                    supported = false;
                    if (fromSource || fallbackLocation is not null)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.UnsupportedPropertyType.Id,
                            property.FirstLocation() ?? location,
                            property.Name,
                            type.ForMessages(),
                            property.Type.ForMessages()));
                    }

                    continue;
                }

                properties.Add(spec);
            }
        }

        return supported ? new RecordSpec(type.FullyQualified(), type.Name, properties.ToEquatableArray()) : null;
    }

    private static string? ConstructionProblem(INamedTypeSymbol type)
    {
        if (!type.IsRecord || type.TypeKind != TypeKind.Class)
        {
            return "must be a record class, so that values absent from the YAML keep their defaults";
        }

        if (type.IsAbstract)
        {
            return "must not be abstract: the generated code creates it";
        }

        if (type.IsGenericType)
        {
            return "must not be generic";
        }

        var hasConstructor = type.InstanceConstructors.Any(c =>
            c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal);
        return hasConstructor
            ? null
            : "needs a parameterless constructor and init properties (a positional record cannot be read key by key)";
    }

    private static IEnumerable<INamedTypeSymbol> BaseFirst(INamedTypeSymbol type)
    {
        var chain = new Stack<INamedTypeSymbol>();
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.Is(KnownNames.DataPoint))
            {
                break;
            }

            chain.Push(current);
        }

        return chain;
    }

    private static bool IsBindable(IPropertySymbol property) =>
        !property.IsStatic &&
        !property.IsIndexer &&
        property.DeclaredAccessibility == Accessibility.Public &&
        property.SetMethod is { DeclaredAccessibility: Accessibility.Public };

    private static PropertySpec? ParseProperty(IPropertySymbol property)
    {
        if (!TryClassify(property.Type, out var kind, out var valueType, out var isNullableValueType))
        {
            return null;
        }

        var keyAttribute = property.FindAttribute(KnownNames.ConfigKeyAttribute);
        var key = keyAttribute?.StringArgument(0) is { Length: > 0 } explicitKey ? explicitKey : Naming.SnakeCase(property.Name);
        var aliases = keyAttribute?.StringArrayArgument(1) ?? [];
        var enumMembers = kind == ValueKind.Enum
            ? valueType.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .Select(f => new EnumMemberSpec(f.Name, Naming.SnakeCase(f.Name)))
                .ToEquatableArray()
            : EquatableArray<EnumMemberSpec>.Empty;
        var range = ParseRange(property, kind);
        return new PropertySpec(
            property.Name,
            key,
            aliases.ToEquatableArray(),
            kind,
            valueType.FullyQualified(),
            isNullableValueType,
            property.IsRequired,
            enumMembers,
            range,
            Expected(kind, range, enumMembers));
    }

    private static RangeSpec? ParseRange(IPropertySymbol property, ValueKind kind)
    {
        var attribute = property.FindAttribute(KnownNames.ConfigRangeAttribute);
        if (attribute is null || kind is not (ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double or ValueKind.Single))
        {
            return null;
        }

        var arguments = attribute.ConstructorArguments;
        return arguments.Length == 2 && arguments[0].Value is double minimum && arguments[1].Value is double maximum
            ? new RangeSpec(minimum, maximum)
            : null;
    }

    private static bool TryClassify(ITypeSymbol type, out ValueKind kind, out ITypeSymbol valueType, out bool isNullableValueType)
    {
        valueType = type;
        isNullableValueType = false;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            valueType = nullable.TypeArguments[0];
            isNullableValueType = true;
        }

        kind = ValueKind.String;
        switch (valueType.SpecialType)
        {
            case SpecialType.System_String when !isNullableValueType:
                kind = ValueKind.String;
                return true;
            case SpecialType.System_Boolean:
                kind = ValueKind.Boolean;
                return true;
            case SpecialType.System_Int32:
                kind = ValueKind.Int32;
                return true;
            case SpecialType.System_Int64:
                kind = ValueKind.Int64;
                return true;
            case SpecialType.System_Double:
                kind = ValueKind.Double;
                return true;
            case SpecialType.System_Single:
                kind = ValueKind.Single;
                return true;
        }

        if (valueType.TypeKind == TypeKind.Enum)
        {
            kind = ValueKind.Enum;
            return true;
        }

        if (isNullableValueType)
        {
            return false;
        }

        if (type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_String })
        {
            kind = ValueKind.StringArray;
            return true;
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic &&
            generic.TypeArguments.All(t => t.SpecialType == SpecialType.System_String))
        {
            switch (generic.OriginalDefinition.MetadataFullName())
            {
                case "System.Collections.Generic.IReadOnlyList`1":
                    kind = ValueKind.StringList;
                    return true;
                case "System.Collections.Generic.IReadOnlyDictionary`2":
                    kind = ValueKind.StringMap;
                    return true;
            }
        }

        return false;
    }

    private static string Expected(ValueKind kind, RangeSpec? range, EquatableArray<EnumMemberSpec> members)
    {
        var bounds = range is null
            ? ""
            : " from " + range.Minimum.ToString("R", CultureInfo.InvariantCulture) +
              " to " + range.Maximum.ToString("R", CultureInfo.InvariantCulture);
        return kind switch
        {
            ValueKind.String => "text",
            ValueKind.Boolean => "true or false",
            ValueKind.Int32 or ValueKind.Int64 => "a whole number" + bounds,
            ValueKind.Double or ValueKind.Single => "a number" + bounds,
            ValueKind.StringList or ValueKind.StringArray => "a list of values",
            ValueKind.StringMap => "a mapping of values",
            _ => "one of " + string.Join(", ", members.Select(m => m.Key)),
        };
    }
}

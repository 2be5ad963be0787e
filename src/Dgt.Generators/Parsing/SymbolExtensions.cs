using System.Linq;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Parsing;

internal static class SymbolExtensions
{
    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary><c>Namespace.Outer+Inner`1</c>-style name, comparable with <see cref="KnownNames"/>.</summary>
    public static string MetadataFullName(this ITypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    public static bool Is(this ITypeSymbol? type, string metadataFullName) =>
        type is not null && type.OriginalDefinition.MetadataFullName() == metadataFullName;

    /// <summary><c>global::Namespace.Type</c>, as generated code names it.</summary>
    public static string FullyQualified(this ITypeSymbol type) =>
        type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    /// <summary>How messages show a type: <c>Dgt.LMProvider</c>.</summary>
    public static string ForMessages(this ITypeSymbol type) => type.ToDisplayString(MessageFormat);

    public static AttributeData? FindAttribute(this ISymbol symbol, string metadataFullName) =>
        symbol.GetAttributes().FirstOrDefault(a => a.AttributeClass.Is(metadataFullName));

    public static bool IsBlock(this ITypeSymbol type) =>
        type.Is(KnownNames.Block) || type.AllInterfaces.Any(i => i.Is(KnownNames.Block));

    public static LocationInfo? FirstLocation(this ISymbol symbol) =>
        LocationInfo.From(symbol.Locations.FirstOrDefault(l => l.IsInSource));

    public static string StringArgument(this AttributeData attribute, int index) =>
        attribute.ConstructorArguments.Length > index && attribute.ConstructorArguments[index].Value is string text
            ? text
            : "";

    public static string[] StringArrayArgument(this AttributeData attribute, int index)
    {
        if (attribute.ConstructorArguments.Length <= index || attribute.ConstructorArguments[index].Kind != TypedConstantKind.Array)
        {
            return [];
        }

        return attribute.ConstructorArguments[index].Values.Select(v => v.Value as string).OfType<string>().ToArray();
    }
}

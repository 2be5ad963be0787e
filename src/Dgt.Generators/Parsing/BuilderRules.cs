using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgt.Generators.Parsing;

/// <summary>
/// The rules a builder's C# declaration must follow. The analyzers report them; the generator consults them only to
/// skip emitting code that could not compile. One definition keeps the two from drifting apart.
/// </summary>
internal static class BuilderRules
{
    /// <summary>The builder and every type containing it that lacks the <c>partial</c> modifier, innermost first.</summary>
    public static IReadOnlyList<INamedTypeSymbol> NonPartialTypes(INamedTypeSymbol builder)
    {
        var found = new List<INamedTypeSymbol>();
        for (var current = builder; current is not null; current = current.ContainingType)
        {
            if (!IsPartial(current))
            {
                found.Add(current);
            }
        }

        return found;
    }

    /// <summary>The row record of a builder: <c>TData</c> of its <c>GenerationDataBuilder&lt;TData&gt;</c> base.</summary>
    public static INamedTypeSymbol? FindDataType(INamedTypeSymbol builder)
    {
        for (var current = builder.BaseType; current is not null; current = current.BaseType)
        {
            if (current.Is(KnownNames.GenerationDataBuilder) && current.TypeArguments[0] is INamedTypeSymbol data)
            {
                return data;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="type"/> is or derives from <c>Dgt.DataPoint</c>.</summary>
    public static bool IsDataPoint(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Is(KnownNames.DataPoint))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Why a <c>[Block]</c> field cannot receive a block, or null when it can.</summary>
    public static string? BlockFieldProblem(IFieldSymbol field)
    {
        if (field.IsStatic)
        {
            return "must not be static: each builder gets its own blocks";
        }

        if (field.IsReadOnly)
        {
            return "must not be readonly: the generated code assigns it after the builder is created";
        }

        return field.Type.IsBlock()
            ? null
            : "has type " + field.Type.ForMessages() + ", which is not a block; use a type that implements global::Dgt.IBlock, such as LMProvider";
    }

    private static bool IsPartial(INamedTypeSymbol type) =>
        type.DeclaringSyntaxReferences.Any(reference =>
            reference.GetSyntax() is TypeDeclarationSyntax declaration &&
            declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)));
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Parsing;

/// <summary>Reads a <c>[BlockType]</c> class, from source or from a referenced library.</summary>
internal static class BlockTypeParser
{
    public static Result<BlockTypeSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        try
        {
            var diagnostics = new List<DiagnosticInfo>();
            var spec = Parse(type, diagnostics, cancellationToken);
            return new Result<BlockTypeSpec>(spec, diagnostics.ToEquatableArray());
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return Result<BlockTypeSpec>.Of(null, InternalError.Describe("reading block type " + type.Name, exception, type.FirstLocation()));
        }
    }

    /// <summary>The block type, or null (with the reasons added when the class is in source).</summary>
    public static BlockTypeSpec? Parse(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attribute = type.FindAttribute(KnownNames.BlockTypeAttribute);
        var location = type.FirstLocation();
        var typeName = attribute?.StringArgument(0) ?? "";
        if (attribute is null || typeName.Length == 0)
        {
            Report(diagnostics, location, type, "needs a non-empty name: [BlockType(\"my_block\")]");
            return null;
        }

        var problem = ShapeProblem(type);
        if (problem is not null)
        {
            Report(diagnostics, location, type, problem);
            return null;
        }

        var constructor = type.InstanceConstructors.FirstOrDefault(IsBlockConstructor);
        if (constructor is null)
        {
            Report(diagnostics, location, type,
                "needs a public constructor (TOptions options, global::Dgt.BlockContext context), where TOptions is a record of its options");
            return null;
        }

        var optionsType = (INamedTypeSymbol)constructor.Parameters[0].Type;
        var options = RecordParser.Parse(optionsType, location, diagnostics, cancellationToken);
        if (options is null)
        {
            return null;
        }

        return new BlockTypeSpec(
            typeName,
            attribute.StringArrayArgument(1).ToEquatableArray(),
            type.ToDisplayString(),
            type.FullyQualified(),
            AssignableTo(type).ToEquatableArray(),
            options,
            location,
            type.AllInterfaces.Any(i => i.Is(KnownNames.ValidatorBlock)),
            DeclaredFields(type));
    }

    private static BlockFieldsSpec? DeclaredFields(INamedTypeSymbol type)
    {
        var attribute = type.FindAttribute(KnownNames.BlockFieldsAttribute);
        if (attribute is null)
        {
            return null;
        }

        var outputs = attribute.NamedArguments.FirstOrDefault(a => a.Key == "Outputs").Value;
        var outputNames = outputs.Kind == TypedConstantKind.Array
            ? outputs.Values.Select(v => v.Value as string).OfType<string>()
            : Enumerable.Empty<string>();
        return new BlockFieldsSpec(attribute.StringArrayArgument(0).ToEquatableArray(), outputNames.ToEquatableArray());
    }

    private static string? ShapeProblem(INamedTypeSymbol type)
    {
        if (type.IsAbstract || type.IsStatic)
        {
            return "must be a concrete class: the generated catalog creates it";
        }

        if (type.IsGenericType)
        {
            return "must not be generic";
        }

        return type.IsBlock() ? null : "must implement global::Dgt.IBlock (directly or through a base such as LMProvider)";
    }

    private static bool IsBlockConstructor(IMethodSymbol constructor) =>
        constructor.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal &&
        constructor.Parameters.Length == 2 &&
        constructor.Parameters[0].Type is INamedTypeSymbol { TypeKind: TypeKind.Class } &&
        constructor.Parameters[1].Type.Is(KnownNames.BlockContext);

    private static IEnumerable<string> AssignableTo(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            yield return current.FullyQualified();
        }

        foreach (var implemented in type.AllInterfaces.Select(i => i.FullyQualified()).OrderBy(n => n, System.StringComparer.Ordinal))
        {
            yield return implemented;
        }
    }

    private static void Report(List<DiagnosticInfo> diagnostics, LocationInfo? location, INamedTypeSymbol type, string problem)
    {
        if (location is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidBlockType.Id, location, type.ForMessages(), problem));
        }
    }
}

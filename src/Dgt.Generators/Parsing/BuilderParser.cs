using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgt.Generators.Parsing;

/// <summary>Reads a <c>[DataBuilder]</c> class into a <see cref="BuilderSpec"/>.</summary>
internal static class BuilderParser
{
    public static Result<BuilderSpec> Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var declaration = (ClassDeclarationSyntax)context.TargetNode;
        var classLocation = LocationInfo.From(declaration.Identifier.GetLocation());
        try
        {
            return Parse(type, context.Attributes[0], classLocation, cancellationToken);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return Result<BuilderSpec>.Of(null, InternalError.Describe("reading builder " + type.Name, exception, classLocation));
        }
    }

    private static Result<BuilderSpec> Parse(
        INamedTypeSymbol type, AttributeData attribute, LocationInfo? classLocation, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var name = attribute.StringArgument(0);
        var nameLocation = NameLocation(attribute, cancellationToken) ?? classLocation;
        // Rules that need only the C# declaration are reported by the analyzers (see Analyzers/); here they only stop
        // generation, so that no code is emitted that could not compile.
        var canGenerate = BuilderRules.NonPartialTypes(type).Count == 0;
        canGenerate &= CheckConstructible(type, classLocation, diagnostics);

        var dataType = BuilderRules.FindDataType(type);
        RecordSpec? data = null;
        if (dataType is null || !BuilderRules.IsDataPoint(dataType))
        {
            canGenerate = false;
        }
        else
        {
            data = RecordParser.Parse(dataType, classLocation, diagnostics, cancellationToken);
            canGenerate &= data is not null;
        }

        var fields = new List<BlockFieldSpec>();
        foreach (var field in type.GetMembers().OfType<IFieldSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var blockAttribute = field.FindAttribute(KnownNames.BlockAttribute);
            if (blockAttribute is null)
            {
                continue;
            }

            if (BuilderRules.BlockFieldProblem(field) is not null)
            {
                canGenerate = false;
                continue;
            }

            var blockName = blockAttribute.NamedArguments.FirstOrDefault(a => a.Key == "Name").Value.Value as string;
            fields.Add(new BlockFieldSpec(
                field.Name,
                string.IsNullOrEmpty(blockName) ? field.Name : blockName!,
                field.Type.FullyQualified(),
                field.Type.ForMessages()));
        }

        var hasSeedReader = dataType is not null && HasSeedReader(type, dataType, classLocation, diagnostics, ref canGenerate);
        var spec = new BuilderSpec(
            name,
            nameLocation,
            Declaration(type),
            data,
            fields.ToEquatableArray(),
            hasSeedReader,
            canGenerate && name.Length > 0);
        return new Result<BuilderSpec>(spec, diagnostics.ToEquatableArray());
    }

    private static LocationInfo? NameLocation(AttributeData attribute, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments }
            ? LocationInfo.From(arguments[0].GetLocation())
            : null;

    private static bool CheckConstructible(INamedTypeSymbol type, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        if (type.IsAbstract)
        {
            problem = "must not be abstract: the registry creates it";
        }
        else if (type.IsGenericType)
        {
            problem = "must not be generic: the registry creates it by name";
        }
        else if (!type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal))
        {
            problem = "needs a public or internal parameterless constructor: the registry creates it";
        }
        else if (type.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
        {
            problem = "must be public or internal: the registry creates it";
        }

        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderNotConstructible.Id, classLocation, type.ForMessages(), problem));
        return false;
    }

    private static bool HasSeedReader(
        INamedTypeSymbol type, INamedTypeSymbol dataType, LocationInfo? classLocation, List<DiagnosticInfo> diagnostics, ref bool canGenerate)
    {
        var methods = type.GetMembers(KnownNames.SeedReaderMethod).OfType<IMethodSymbol>().ToList();
        if (methods.Count == 0)
        {
            return false;
        }

        var reader = methods.FirstOrDefault(m =>
            m.IsStatic &&
            !m.IsGenericMethod &&
            m.Parameters.Length == 2 &&
            m.Parameters[0].Type.Is(KnownNames.ConfigMap) &&
            m.Parameters[1].Type.SpecialType == SpecialType.System_String &&
            SymbolEqualityComparer.Default.Equals(m.ReturnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated), dataType.WithNullableAnnotation(NullableAnnotation.NotAnnotated)));
        if (reader is not null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.InvalidSeedReader.Id, methods[0].FirstLocation() ?? classLocation, type.Name, dataType.FullyQualified()));
        canGenerate = false;
        return false;
    }

    private static TypeDeclarationSpec Declaration(INamedTypeSymbol type)
    {
        var containing = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(Keyword(outer), outer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : "";
        return new TypeDeclarationSpec(ns, containing.ToEquatableArray(), type.Name, type.FullyQualified());
    }

    private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.TypeKind) switch
    {
        (true, TypeKind.Struct) => "record struct",
        (true, _) => "record",
        (false, TypeKind.Struct) => "struct",
        (false, TypeKind.Interface) => "interface",
        _ => "class",
    };
}

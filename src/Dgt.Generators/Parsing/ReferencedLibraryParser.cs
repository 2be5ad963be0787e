using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Finds the block types of referenced assemblies through the <c>[assembly: BlockLibrary]</c> attribute the generator
/// emitted into them, and projects them at once into specs: the compilation never enters the pipeline.
/// </summary>
internal static class ReferencedLibraryParser
{
    public static Result<ReferencedLibrariesSpec> Parse(Compilation compilation, CancellationToken cancellationToken)
    {
        try
        {
            var libraries = new List<BlockLibrarySpec>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attribute = assembly.FindAttribute(KnownNames.BlockLibraryAttribute);
                if (attribute is not null)
                {
                    libraries.Add(Read(attribute, cancellationToken));
                }
            }

            var sorted = libraries.OrderBy(l => l.CatalogFullName, System.StringComparer.Ordinal).ToEquatableArray();
            return Result<ReferencedLibrariesSpec>.Of(new ReferencedLibrariesSpec(sorted));
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return Result<ReferencedLibrariesSpec>.Of(
                new ReferencedLibrariesSpec(EquatableArray<BlockLibrarySpec>.Empty),
                InternalError.Describe("reading the block libraries of referenced assemblies", exception, null));
        }
    }

    private static BlockLibrarySpec Read(AttributeData attribute, CancellationToken cancellationToken)
    {
        var catalog = "global::" + attribute.StringArgument(0);
        var blockTypes = new List<BlockTypeSpec>();
        if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Kind == TypedConstantKind.Array)
        {
            foreach (var value in attribute.ConstructorArguments[1].Values)
            {
                if (value.Value is INamedTypeSymbol type &&
                    BlockTypeParser.Parse(type, new List<DiagnosticInfo>(), cancellationToken) is { } spec)
                {
                    blockTypes.Add(spec);
                }
            }
        }

        return new BlockLibrarySpec(catalog, blockTypes.OrderBy(b => b.TypeName, System.StringComparer.Ordinal).ToEquatableArray());
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Generators.Diagnostics;
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
            var diagnostics = new List<DiagnosticInfo>();
            foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var attribute = assembly.FindAttribute(KnownNames.BlockLibraryAttribute);
                if (attribute is not null)
                {
                    libraries.Add(Read(attribute, cancellationToken));
                }
                else if (UnregisteredBlockTypes(assembly, cancellationToken) is { Count: > 0 } unregistered)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.BlockLibraryWithoutCatalog.Id, null, assembly.Name, string.Join(", ", unregistered)));
                }
            }

            var sorted = libraries.OrderBy(l => l.CatalogFullName, System.StringComparer.Ordinal).ToEquatableArray();
            return new Result<ReferencedLibrariesSpec>(new ReferencedLibrariesSpec(sorted), diagnostics.ToEquatableArray());
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return Result<ReferencedLibrariesSpec>.Of(
                new ReferencedLibrariesSpec(EquatableArray<BlockLibrarySpec>.Empty),
                InternalError.Describe("reading the block libraries of referenced assemblies", exception, null));
        }
    }

    /// <summary>
    /// The <c>[BlockType]</c> names of an assembly built without the generator. Only assemblies that reference
    /// Dgt.Abstractions can define block types, so the framework and most packages are skipped at once.
    /// </summary>
    private static List<string> UnregisteredBlockTypes(IAssemblySymbol assembly, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        if (!assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == "Dgt.Abstractions")))
        {
            return found;
        }

        var namespaces = new Stack<INamespaceSymbol>();
        namespaces.Push(assembly.GlobalNamespace);
        while (namespaces.Count > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var current = namespaces.Pop();
            foreach (var member in current.GetNamespaceMembers())
            {
                namespaces.Push(member);
            }

            foreach (var type in current.GetTypeMembers())
            {
                if (type.FindAttribute(KnownNames.BlockTypeAttribute)?.StringArgument(0) is { Length: > 0 } name)
                {
                    found.Add(name);
                }
            }
        }

        found.Sort(System.StringComparer.Ordinal);
        return found;
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

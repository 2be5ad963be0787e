using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Gathers this assembly's block types into its catalog and rejects two claiming one <c>type:</c> name.</summary>
internal static class CatalogLinker
{
    /// <summary>Null when the assembly defines no usable block type.</summary>
    public static Result<BlockCatalogSpec> Link(ImmutableArray<Result<BlockTypeSpec>> parsed, ProjectSpec project)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var owners = new Dictionary<string, BlockTypeSpec>(System.StringComparer.Ordinal);
        var accepted = new List<BlockTypeSpec>();
        foreach (var blockType in parsed.Select(r => r.Value).OfType<BlockTypeSpec>().OrderBy(b => b.FullName, System.StringComparer.Ordinal))
        {
            var clash = new[] { blockType.TypeName }.Concat(blockType.Aliases).FirstOrDefault(owners.ContainsKey);
            if (clash is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateBlockTypeName.Id, blockType.Location, clash, owners[clash].ClrName, blockType.ClrName));
                continue;
            }

            foreach (var name in new[] { blockType.TypeName }.Concat(blockType.Aliases))
            {
                owners[name] = blockType;
            }

            accepted.Add(blockType);
        }

        var catalog = accepted.Count == 0
            ? null
            : new BlockCatalogSpec(project.GeneratedNamespace, accepted.OrderBy(b => b.TypeName, System.StringComparer.Ordinal).ToEquatableArray());
        return new Result<BlockCatalogSpec>(catalog, diagnostics.ToEquatableArray());
    }
}

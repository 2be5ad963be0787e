using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Matches builder classes with their builder YAMLs, checks every YAML block against the block types the program can
/// build, and lays out the registry.
/// </summary>
internal static class ProgramLinker
{
    public static Result<ProgramSpec> Link(
        ImmutableArray<Result<BuilderSpec>> builderResults,
        ImmutableArray<Result<BuilderYamlSpec>> yamlResults,
        ReferencedLibrariesSpec references,
        BlockCatalogSpec? ownCatalog,
        ProjectSpec project)
    {
        var builders = builderResults.Select(r => r.Value).OfType<BuilderSpec>()
            .OrderBy(b => b.Name, System.StringComparer.Ordinal).ThenBy(b => b.Type.FullName, System.StringComparer.Ordinal).ToList();
        var yamls = yamlResults.Select(r => r.Value).OfType<BuilderYamlSpec>()
            .OrderBy(y => y.Path, System.StringComparer.Ordinal).ToList();
        if (builders.Count == 0 && yamls.Count == 0)
        {
            return Result<ProgramSpec>.Of(null);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var blockTypes = KnownBlockTypes(references, ownCatalog);
        var builderByName = UniqueBuilders(builders, diagnostics);
        var yamlByName = UniqueYamls(yamls, diagnostics);
        var anyUnreadableYaml = yamls.Any(y => !y.IsReadable);

        foreach (var builder in builderByName.Values.Where(b => !yamlByName.ContainsKey(b.Name) && !anyUnreadableYaml))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BuilderWithoutYaml.Id, builder.NameLocation, builder.Name));
        }

        var shapes = blockTypes.Values.Distinct().Select(SchemaShapes.From).ToList();
        foreach (var yaml in yamls.Where(y => y.IsReadable))
        {
            BuilderSpec? builder = null;
            if (yaml.Name is not null && !builderByName.TryGetValue(yaml.Name, out builder))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlWithoutBuilder.Id,
                    yaml.NameLocation,
                    yaml.Name!,
                    Suggestions.DidYouMean(yaml.Name!, builderByName.Keys),
                    builderByName.Count == 0 ? "none" : string.Join(", ", builderByName.Keys)));
            }

            CheckRules(yaml, builder, shapes, diagnostics);
        }

        var registered = new List<RegisteredBuilderSpec>();
        var codecs = new Dictionary<string, CodecSpec>(System.StringComparer.Ordinal);
        foreach (var builder in builderByName.Values.Where(b => b.CanGenerate && b.Data is not null))
        {
            if (!yamlByName.TryGetValue(builder.Name, out var yaml))
            {
                continue;
            }

            var data = builder.Data!;
            if (!codecs.TryGetValue(data.FullName, out var codec))
            {
                codec = new CodecSpec(UniqueName(data.Name + "Codec", codecs.Values.Select(c => c.Name)), data);
                codecs.Add(data.FullName, codec);
            }

            var constant = UniqueName(ConstantName(builder.Name), registered.Select(r => r.YamlConstant));
            registered.Add(new RegisteredBuilderSpec(builder, yaml.RelativePath, yaml.Text, constant, codec.Name));
        }

        var catalogs = references.Libraries.Select(l => l.CatalogFullName).ToList();
        if (ownCatalog is not null)
        {
            catalogs.Add("global::" + ownCatalog.Namespace + ".BlockCatalog");
        }

        var program = new ProgramSpec(
            project.GeneratedNamespace,
            registered.ToEquatableArray(),
            codecs.Values.OrderBy(c => c.Name, System.StringComparer.Ordinal).ToEquatableArray(),
            catalogs.ToEquatableArray());
        return new Result<ProgramSpec>(program, diagnostics.ToEquatableArray());
    }

    private static Dictionary<string, BlockTypeSpec> KnownBlockTypes(ReferencedLibrariesSpec references, BlockCatalogSpec? ownCatalog)
    {
        var known = new Dictionary<string, BlockTypeSpec>(System.StringComparer.Ordinal);
        var all = references.Libraries.SelectMany(l => l.BlockTypes).Concat(ownCatalog?.BlockTypes ?? EquatableArray<BlockTypeSpec>.Empty);
        foreach (var blockType in all)
        {
            foreach (var name in new[] { blockType.TypeName }.Concat(blockType.Aliases))
            {
                if (!known.ContainsKey(name))
                {
                    known.Add(name, blockType);
                }
            }
        }

        return known;
    }

    private static SortedDictionary<string, BuilderSpec> UniqueBuilders(List<BuilderSpec> builders, List<DiagnosticInfo> diagnostics)
    {
        var byName = new SortedDictionary<string, BuilderSpec>(System.StringComparer.Ordinal);
        foreach (var builder in builders.Where(b => b.Name.Length > 0))
        {
            if (byName.TryGetValue(builder.Name, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.DuplicateBuilderName.Id, builder.NameLocation, builder.Name, first.Type.FullName.Replace("global::", "")));
                continue;
            }

            byName.Add(builder.Name, builder);
        }

        return byName;
    }

    private static Dictionary<string, BuilderYamlSpec> UniqueYamls(List<BuilderYamlSpec> yamls, List<DiagnosticInfo> diagnostics)
    {
        var byName = new Dictionary<string, BuilderYamlSpec>(System.StringComparer.Ordinal);
        foreach (var yaml in yamls.Where(y => y.Name is not null))
        {
            if (byName.TryGetValue(yaml.Name!, out var first))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateYamlName.Id, yaml.NameLocation, yaml.Name!, first.RelativePath));
                continue;
            }

            byName.Add(yaml.Name!, yaml);
        }

        return byName;
    }

    /// <summary>The builder YAML's rules, by the same code start-up runs, so both report a mistake alike.</summary>
    private static void CheckRules(
        BuilderYamlSpec yaml, BuilderSpec? builder, IReadOnlyList<BlockTypeShape> shapes, List<DiagnosticInfo> diagnostics)
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(yaml.Text, yaml.Path, problems);
        if (root is null || problems.Count > 0)
        {
            return;
        }

        BuilderYamlCheck.Check(root, shapes, builder is null ? null : SchemaShapes.From(builder), problems);
        diagnostics.AddRange(problems.Select(p => ConfigDiagnostics.From(p, DiagnosticIds.InvalidBuilderYaml)));
    }

    /// <summary><c>public/test/geography_qa</c> → <c>PublicTestGeographyQa</c>.</summary>
    private static string ConstantName(string builderName)
    {
        var name = new StringBuilder();
        var upper = true;
        foreach (var c in builderName)
        {
            if (!char.IsLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            name.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return name.Length == 0 || char.IsDigit(name[0]) ? "Builder" + name : name.ToString();
    }

    private static string UniqueName(string name, IEnumerable<string> taken)
    {
        var used = new HashSet<string>(taken, System.StringComparer.Ordinal);
        var candidate = name;
        for (var i = 2; used.Contains(candidate); i++)
        {
            candidate = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}

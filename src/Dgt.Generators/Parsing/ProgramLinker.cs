using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Dgt.Configuration;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Matches builder classes with their builder YAMLs, checks every YAML block against the block types the program can
/// build, and lays out the registry.
/// </summary>
internal static class ProgramLinker
{
    /// <summary>Keys every block may carry whatever its type: read by the runtime, not by the block's options.</summary>
    public static readonly string[] CommonBlockKeys = ["name", "type", "input_map", "output_map"];

    public static Result<ProgramSpec> Link(
        ImmutableArray<Result<BuilderSpec>> builderResults,
        ImmutableArray<Result<BuilderYamlSpec>> yamlResults,
        ReferencedLibrariesSpec references,
        BlockCatalogSpec? ownCatalog)
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

        foreach (var yaml in yamls.Where(y => y.Name is not null))
        {
            builderByName.TryGetValue(yaml.Name!, out var builder);
            if (builder is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.YamlWithoutBuilder.Id,
                    yaml.NameLocation,
                    yaml.Name!,
                    Suggestions.DidYouMean(yaml.Name!, builderByName.Keys),
                    builderByName.Count == 0 ? "none" : string.Join(", ", builderByName.Keys)));
            }

            CheckBlocks(yaml, builder, blockTypes, diagnostics);
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

    private static void CheckBlocks(
        BuilderYamlSpec yaml, BuilderSpec? builder, Dictionary<string, BlockTypeSpec> blockTypes, List<DiagnosticInfo> diagnostics)
    {
        foreach (var field in builder?.BlockFields ?? EquatableArray<BlockFieldSpec>.Empty)
        {
            if (!yaml.Blocks.Any(b => b.Name == field.BlockName))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BlockFieldWithoutYaml.Id, yaml.BlocksLocation, field.FieldName, field.FieldTypeDisplay, field.BlockName));
            }
        }

        foreach (var block in yaml.Blocks.Where(b => b.Name is not null && b.Type is not null))
        {
            if (!blockTypes.TryGetValue(block.Type!, out var blockType))
            {
                var known = blockTypes.Keys.OrderBy(k => k, System.StringComparer.Ordinal).ToList();
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnknownBlockType.Id,
                    block.TypeLocation,
                    block.Type!,
                    Suggestions.DidYouMean(block.Type!, known),
                    known.Count == 0 ? "none (reference a block library such as Dgt.Runtime)" : string.Join(", ", known)));
                continue;
            }

            var field = builder?.BlockFields.FirstOrDefault(f => f.BlockName == block.Name);
            if (field is not null && !blockType.AssignableTo.Contains(field.FieldType))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.BlockTypeNotAssignable.Id,
                    block.TypeLocation,
                    block.Name!,
                    block.Type!,
                    blockType.ClrName,
                    field.FieldName,
                    field.FieldTypeDisplay));
            }

            CheckOptions(block, blockType, diagnostics);
            BlockMapChecker.Check(block, blockType, builder?.Data, yaml.Postprocessors.Any(p => p.BlockName == block.Name), diagnostics);
        }

        CheckPostprocessors(yaml, blockTypes, diagnostics);
    }

    private static void CheckPostprocessors(BuilderYamlSpec yaml, Dictionary<string, BlockTypeSpec> blockTypes, List<DiagnosticInfo> diagnostics)
    {
        var names = yaml.Blocks.Select(b => b.Name).OfType<string>().ToList();
        foreach (var postprocessor in yaml.Postprocessors)
        {
            var block = yaml.Blocks.FirstOrDefault(b => b.Name == postprocessor.BlockName);
            if (block is null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.PostprocessorWithoutBlock.Id,
                    postprocessor.Location,
                    postprocessor.BlockName,
                    Suggestions.DidYouMean(postprocessor.BlockName, names),
                    names.Count == 0 ? "none" : string.Join(", ", names)));
                continue;
            }

            if (block.Type is not null && blockTypes.TryGetValue(block.Type, out var blockType) && !blockType.IsValidator)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.PostprocessorNotValidator.Id, postprocessor.Location, block.Name!, block.Type, blockType.ClrName));
            }
        }
    }

    private static void CheckOptions(YamlBlockSpec block, BlockTypeSpec blockType, List<DiagnosticInfo> diagnostics)
    {
        var properties = blockType.Options.Properties;
        var validKeys = properties.SelectMany(p => new[] { p.Key }.Concat(p.Aliases)).Concat(CommonBlockKeys)
            .Distinct().OrderBy(k => k, System.StringComparer.Ordinal).ToList();
        foreach (var option in block.Options.Where(o => !validKeys.Contains(o.Key)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnknownOption.Id,
                option.KeyLocation,
                option.Key,
                block.Type!,
                Suggestions.DidYouMean(option.Key, validKeys),
                string.Join(", ", validKeys)));
        }

        foreach (var property in properties)
        {
            var option = block.Options.FirstOrDefault(o => o.Key == property.Key || property.Aliases.Contains(o.Key));
            if (option is null || option.Kind == YamlValueKind.Null)
            {
                if (property.IsRequired)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.MissingOption.Id,
                        option?.ValueLocation ?? block.NameLocation ?? block.Location,
                        block.Name!,
                        block.Type!,
                        property.Key,
                        property.Expected));
                }

                continue;
            }

            if (ValueFit.Problem(property, option) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.WrongOptionValue.Id, problem.Location, option.Key, block.Name!, property.Expected, problem.Actual));
            }
        }
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

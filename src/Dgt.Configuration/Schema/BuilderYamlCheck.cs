using System;
using System.Collections.Generic;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>
/// Checks a builder YAML against the block types a program can build and, when known, the builder it configures:
/// the structure, every block's type, options and maps, the <c>[Block]</c> fields and the postprocessors. The build
/// runs it over the repository's YAMLs and start-up over the YAML it loads, so both report a mistake alike.
/// </summary>
public static class BuilderYamlCheck
{
    private static readonly string[] TopLevelKeys = { "name", "blocks", "postprocessors", "metadata" };

    /// <summary>
    /// The builder definition, holding the blocks whose type is known; null when the YAML is not a mapping or has no
    /// name. Whether it passed is whether <paramref name="problems"/> gained any.
    /// </summary>
    public static BuilderDefinition? Check(
        ConfigNode root, IReadOnlyList<BlockTypeShape> blockTypes, BuilderShape? builder, List<ConfigProblem> problems)
    {
        if (root is not ConfigMapping mapping)
        {
            BuilderRules.NotAMapping.Report(problems, root.Span, root.KindName);
            return null;
        }

        foreach (var entry in mapping.Entries.Where(e => !TopLevelKeys.Contains(e.Key.Value)))
        {
            BuilderRules.UnknownTopLevelKey.Report(problems, entry.Key.Span,
                entry.Key.Value, Suggestions.DidYouMean(entry.Key.Value, TopLevelKeys), string.Join(", ", TopLevelKeys));
        }

        var name = mapping.GetScalar("name");
        if (string.IsNullOrEmpty(name))
        {
            BuilderRules.NoName.Report(problems, mapping.TryGetValue("name", out var nameNode) ? nameNode.Span : SourceSpan.StartOf(mapping.Span.File));
        }

        var blocks = ReadBlocks(mapping, blockTypes, builder, problems);
        if (builder is not null)
        {
            CheckBlockFields(mapping, blocks, builder, problems);
        }

        var postprocessors = ReadPostprocessors(mapping, blocks, builder, problems);
        return string.IsNullOrEmpty(name)
            ? null
            : new BuilderDefinition(name!, blocks, postprocessors, mapping.Span.File, mapping);
    }

    /// <summary>The shape of <c>type:</c> <paramref name="typeName"/>, by name or alias.</summary>
    public static BlockTypeShape? FindType(IReadOnlyList<BlockTypeShape> blockTypes, string typeName) =>
        blockTypes.FirstOrDefault(t => t.TypeName == typeName) ?? blockTypes.FirstOrDefault(t => t.Aliases.Contains(typeName));

    private static List<BlockDeclaration> ReadBlocks(
        ConfigMapping mapping, IReadOnlyList<BlockTypeShape> blockTypes, BuilderShape? builder, List<ConfigProblem> problems)
    {
        var blocks = new List<BlockDeclaration>();
        if (!mapping.TryGetValue("blocks", out var node) || node is ConfigScalar { IsNull: true })
        {
            return blocks;
        }

        if (node is not ConfigSequence list)
        {
            BuilderRules.BlocksNotAList.Report(problems, node.Span, node.KindName);
            return blocks;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var postprocessorNames = PostprocessorNames(mapping);
        foreach (var item in list.Items)
        {
            if (item is not ConfigMapping entry)
            {
                BuilderRules.BlockNotAMapping.Report(problems, item.Span, item.KindName);
                continue;
            }

            var name = entry.GetScalar("name");
            var type = entry.GetScalar("type");
            entry.TryGetValue("name", out var nameNode);
            if (string.IsNullOrEmpty(name))
            {
                BuilderRules.BlockWithoutName.Report(problems, nameNode?.Span ?? entry.Span);
                continue;
            }

            if (!names.Add(name!))
            {
                BuilderRules.DuplicateBlock.Report(problems, nameNode!.Span, name!);
            }

            if (string.IsNullOrEmpty(type))
            {
                BuilderRules.BlockWithoutType.Report(problems, entry.TryGetValue("type", out var typeNode) ? typeNode.Span : nameNode!.Span, name!);
                continue;
            }

            var shape = FindType(blockTypes, type!);
            if (shape is null)
            {
                var known = blockTypes.SelectMany(t => new[] { t.TypeName }.Concat(t.Aliases)).Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
                BuilderRules.UnknownBlockType.Report(problems, entry.TryGetValue("type", out var typeNode) ? typeNode.Span : entry.Span,
                    name!, type!, Suggestions.DidYouMean(type!, known), known.Count == 0 ? "none" : string.Join(", ", known));
                continue;
            }

            var declaration = new BlockDeclaration(name!, type!, StringMap(entry, "input_map"), StringMap(entry, "output_map"), entry, shape);
            BlockOptionCheck.Check(declaration, problems);
            BlockMapRules.Check(declaration, builder, postprocessorNames.Contains(name!), problems);
            blocks.Add(declaration);
        }

        return blocks;
    }

    private static void CheckBlockFields(ConfigMapping mapping, List<BlockDeclaration> blocks, BuilderShape builder, List<ConfigProblem> problems)
    {
        var blocksAt = mapping.TryGetEntry("blocks", out var blocksEntry) ? blocksEntry.Key.Span : mapping.Span;
        foreach (var field in builder.BlockFields)
        {
            var block = blocks.FirstOrDefault(b => b.Name == field.BlockName);
            if (block is null)
            {
                // A block that is declared but could not be read was reported already.
                if (!DeclaresBlock(mapping, field.BlockName))
                {
                    BuilderRules.FieldWithoutBlock.Report(problems, blocksAt, field.FieldName, field.FieldTypeDisplay, field.BlockName,
                        Suggestions.DidYouMean(field.BlockName, blocks.Select(b => b.Name)));
                }

                continue;
            }

            if (!block.Shape.AssignableTo.Contains(field.FieldType))
            {
                BuilderRules.BlockTypeDoesNotFit.Report(problems, block.Source.TryGetValue("type", out var typeNode) ? typeNode.Span : block.Source.Span,
                    block.Name, block.Type, block.Shape.ClrName, field.FieldName, field.FieldTypeDisplay);
            }
        }
    }

    private static List<PostprocessorDeclaration> ReadPostprocessors(
        ConfigMapping mapping, List<BlockDeclaration> blocks, BuilderShape? builder, List<ConfigProblem> problems)
    {
        var postprocessors = new List<PostprocessorDeclaration>();
        if (!mapping.TryGetValue("postprocessors", out var node) || node is ConfigScalar { IsNull: true })
        {
            return postprocessors;
        }

        if (node is not ConfigSequence list)
        {
            BuilderRules.PostprocessorsNotAList.Report(problems, node.Span, node.KindName);
            return postprocessors;
        }

        foreach (var item in list.Items)
        {
            // '- dedup' reads as '- name: dedup'.
            var nameNode = item switch
            {
                ConfigMapping entry when entry.TryGetValue("name", out var value) => value,
                ConfigScalar { IsNull: false } scalar => scalar,
                _ => null,
            };
            if (nameNode is not ConfigScalar { IsNull: false } name)
            {
                BuilderRules.PostprocessorWithoutName.Report(problems, item.Span);
                continue;
            }

            if (item is ConfigMapping withKeys)
            {
                foreach (var extra in withKeys.Entries.Where(e => e.Key.Value != "name"))
                {
                    BuilderRules.UnknownPostprocessorKey.Report(problems, extra.Key.Span, extra.Key.Value, name.Value);
                }
            }

            var block = blocks.FirstOrDefault(b => b.Name == name.Value);
            if (block is null)
            {
                if (!DeclaresBlock(mapping, name.Value))
                {
                    var names = blocks.Select(b => b.Name).ToList();
                    BuilderRules.PostprocessorWithoutBlock.Report(problems, name.Span,
                        name.Value, Suggestions.DidYouMean(name.Value, names), names.Count == 0 ? "none" : string.Join(", ", names));
                }

                continue;
            }

            if (!block.Shape.IsValidator)
            {
                BuilderRules.PostprocessorNotValidator.Report(problems, name.Span, block.Name, block.Type, block.Shape.ClrName);
                continue;
            }

            postprocessors.Add(new PostprocessorDeclaration(name.Value, name.Span));
        }

        return postprocessors;
    }

    /// <summary>The block names the postprocessors list, however each entry is written.</summary>
    private static HashSet<string> PostprocessorNames(ConfigMapping mapping)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (mapping.TryGetValue("postprocessors", out var node) && node is ConfigSequence list)
        {
            foreach (var item in list.Items)
            {
                var name = item switch
                {
                    ConfigMapping entry => entry.GetScalar("name"),
                    ConfigScalar scalar => scalar.Value,
                    _ => null,
                };
                if (name is not null)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }

    private static bool DeclaresBlock(ConfigMapping mapping, string blockName) =>
        mapping.TryGetValue("blocks", out var node) && node is ConfigSequence list &&
        list.Items.OfType<ConfigMapping>().Any(entry => entry.GetScalar("name") == blockName);

    /// <summary>The single-value entries of a block's map; a map of another shape is reported by the option rules.</summary>
    private static IReadOnlyDictionary<string, string> StringMap(ConfigMapping block, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (block.TryGetValue(key, out var node) && node is ConfigMapping entries)
        {
            foreach (var entry in entries.Entries)
            {
                if (entry.Value is ConfigScalar { IsNull: false } value)
                {
                    map[entry.Key.Value] = value.Value;
                }
            }
        }

        return map;
    }
}

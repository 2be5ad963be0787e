using Dgt.Configuration;

namespace Dgt.Runtime.Building;

/// <summary>Reads a builder YAML (<c>name</c>, <c>blocks</c>, <c>postprocessors</c>, <c>metadata</c>).</summary>
public static class BuilderYamlReader
{
    private static readonly string[] TopLevelKeys = ["name", "blocks", "postprocessors", "metadata"];

    /// <summary>The builder definition; null when it has problems (reported with their locations).</summary>
    public static BuilderDefinition? Read(ConfigNode? root, string path, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (root is not ConfigMapping builder)
        {
            problems.Add(new ConfigProblem(root?.Span ?? SourceSpan.StartOf(path),
                "A builder YAML must be a mapping with 'name' and 'blocks'.", null));
            return null;
        }

        var before = problems.Count;
        new YamlConfigMap(builder, problems, "the builder YAML").ReportUnknownKeys(TopLevelKeys);
        var name = builder.GetScalar("name");
        if (name is null)
        {
            problems.Add(new ConfigProblem(builder.Span, "The builder YAML has no 'name'.", "Add 'name: <the name in [DataBuilder(…)]>'."));
        }

        var blocks = ReadBlocks(builder, problems);
        var postprocessors = ReadPostprocessors(builder, blocks, problems);
        return problems.Count > before || name is null ? null : new BuilderDefinition(name, blocks, postprocessors, path, builder);
    }

    private static List<BlockDeclaration> ReadBlocks(ConfigMapping builder, List<ConfigProblem> problems)
    {
        var blocks = new List<BlockDeclaration>();
        if (!builder.TryGetValue("blocks", out var node) || node is ConfigScalar { IsNull: true })
        {
            return blocks;
        }

        if (node is not ConfigSequence list)
        {
            problems.Add(new ConfigProblem(node.Span, $"'blocks' must be a list, not {node.KindName}.", null));
            return blocks;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item is not ConfigMapping entry)
            {
                problems.Add(new ConfigProblem(item.Span, $"Each block must be a mapping with 'name' and 'type', not {item.KindName}.", null));
                continue;
            }

            var map = new YamlConfigMap(entry, problems, "a block");
            var name = entry.GetScalar("name");
            var type = entry.GetScalar("type");
            if (name is null)
            {
                map.ReportMissing("name", "the block's name");
            }
            else if (!names.Add(name))
            {
                problems.Add(new ConfigProblem(entry.Span, $"Two blocks are named '{name}'.", "Give each block its own name."));
            }

            if (type is null)
            {
                map.ReportMissing("type", "a block type such as ollama or rouge_scorer");
            }

            var inputMap = map.TryGetStringMap("input_map", out var input) ? input : new Dictionary<string, string>();
            var outputMap = map.TryGetStringMap("output_map", out var output) ? output : new Dictionary<string, string>();
            if (name is not null && type is not null)
            {
                blocks.Add(new BlockDeclaration(name, type, inputMap, outputMap, entry));
            }
        }

        return blocks;
    }

    private static List<PostprocessorDeclaration> ReadPostprocessors(
        ConfigMapping builder, List<BlockDeclaration> blocks, List<ConfigProblem> problems)
    {
        var postprocessors = new List<PostprocessorDeclaration>();
        if (!builder.TryGetValue("postprocessors", out var node) || node is ConfigScalar { IsNull: true })
        {
            return postprocessors;
        }

        if (node is not ConfigSequence list)
        {
            problems.Add(new ConfigProblem(node.Span, $"'postprocessors' must be a list, not {node.KindName}.", null));
            return postprocessors;
        }

        foreach (var item in list.Items)
        {
            var name = item switch
            {
                ConfigMapping entry => entry.GetScalar("name"),
                ConfigScalar { IsNull: false } scalar => scalar.Value,
                _ => null,
            };
            if (name is null)
            {
                problems.Add(new ConfigProblem(item.Span, "A postprocessor needs 'name: <block name>'.", null));
                continue;
            }

            if (item is ConfigMapping withOptions)
            {
                new YamlConfigMap(withOptions, problems, $"postprocessor '{name}'").ReportUnknownKeys(["name"]);
            }

            if (!blocks.Any(b => b.Name == name))
            {
                problems.Add(new ConfigProblem(item.Span, $"Postprocessor '{name}' names no block.{Suggestions.DidYouMean(name, blocks.Select(b => b.Name))}",
                    "Declare it under 'blocks:' or fix the name."));
                continue;
            }

            postprocessors.Add(new PostprocessorDeclaration(name, item.Span));
        }

        return postprocessors;
    }
}

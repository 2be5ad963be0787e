using Dgt.Configuration;

namespace Dgt.Runtime.Building;

/// <summary>
/// Builds the blocks of a builder YAML through the generated block registry and checks them against the builder's
/// <c>[Block]</c> fields, so that every mismatch is reported, located, before any request is sent.
/// </summary>
public static class BlockAssembler
{
    /// <summary>Builds every declared block; problems are added for each one that cannot be built.</summary>
    public static BlockSet Build(
        BuilderDefinition definition,
        IReadOnlyList<BlockTypeRegistration> blockTypes,
        Func<string, string?> environment,
        List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blockTypes);
        ArgumentNullException.ThrowIfNull(problems);
        var set = new BlockSet();
        foreach (var declaration in definition.Blocks)
        {
            var registration = blockTypes.FirstOrDefault(t => t.TypeName == declaration.Type || t.Aliases.Contains(declaration.Type));
            var typeSpan = declaration.Source.TryGetValue("type", out var typeNode) ? typeNode.Span : declaration.Source.Span;
            if (registration is null)
            {
                var known = blockTypes.SelectMany(t => t.Aliases.Prepend(t.TypeName)).Order(StringComparer.Ordinal).ToList();
                problems.Add(new ConfigProblem(typeSpan,
                    $"Block '{declaration.Name}' has unknown type '{declaration.Type}'.{Suggestions.DidYouMean(declaration.Type, known)}",
                    "Known types: " + string.Join(", ", known) + "."));
                continue;
            }

            var options = new YamlConfigMap(declaration.Source, problems, $"block '{declaration.Name}' ({declaration.Type})", BlockDeclaration.CommonKeys);
            var block = registration.Create(options, new BlockContext(declaration.Name, definition.Name, environment));
            if (block is not null)
            {
                set.Add(declaration, block);
            }
        }

        return set;
    }

    /// <summary>Checks that every <c>[Block]</c> field of the builder has a block that fits it.</summary>
    public static void CheckSlots(IBlockHost host, BuilderDefinition definition, BlockSet blocks, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var slot in host.BlockSlots)
        {
            var declaration = definition.Blocks.FirstOrDefault(b => b.Name == slot.BlockName);
            if (declaration is null)
            {
                var at = definition.Source.TryGetValue("blocks", out var list) ? list.Span : definition.Source.Span;
                problems.Add(new ConfigProblem(at,
                    $"The builder's field '{slot.FieldName}' ({slot.FieldTypeName}) has no block named '{slot.BlockName}'." +
                    Suggestions.DidYouMean(slot.BlockName, definition.Blocks.Select(b => b.Name)),
                    $"Add '- name: {slot.BlockName}' with a type to 'blocks:'."));
                continue;
            }

            if (blocks.TryGet(slot.BlockName, out var block, out _) && !slot.Accepts(block))
            {
                var typeSpan = declaration.Source.TryGetValue("type", out var typeNode) ? typeNode.Span : declaration.Source.Span;
                problems.Add(new ConfigProblem(typeSpan,
                    $"Block '{slot.BlockName}' has type '{declaration.Type}', which does not fit the field '{slot.FieldName}' ({slot.FieldTypeName}).",
                    $"Choose a type that is a {slot.FieldTypeName}."));
            }
        }
    }
}

using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Builds the blocks of a checked builder YAML through the generated block registry.</summary>
public static class BlockAssembler
{
    /// <summary>
    /// Builds every declared block with <paramref name="resources"/>, the objects the blocks of one run share (the same
    /// instance for every builder of the run); a block whose options fail to bind adds its problems instead.
    /// </summary>
    public static BlockSet Build(
        BuilderDefinition definition,
        IReadOnlyList<BlockTypeRegistration> blockTypes,
        Func<string, string?> environment,
        RunResources resources,
        List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blockTypes);
        ArgumentNullException.ThrowIfNull(resources);
        ArgumentNullException.ThrowIfNull(problems);
        var set = new BlockSet();
        foreach (var declaration in definition.Blocks)
        {
            // The rules found the type by the same lookup, so the registration exists.
            var registration = blockTypes.First(t => t.TypeName == declaration.Shape.TypeName);
            var options = new YamlConfigMap(declaration.Source, problems, $"block '{declaration.Name}' ({declaration.Type})", BlockDeclaration.CommonKeys);
            IBlock? block;
            try
            {
                block = registration.Create(options, new BlockContext(declaration.Name, definition.Name, environment, resources));
            }
            catch (LmPermanentException exception)
            {
                // A setting the block cannot work with (a cache path that is a directory): the engine's words, which
                // never carry a credential, at the block that holds the setting.
                var at = exception.ConfigKey is { } key && declaration.Source.TryGetValue(key, out var value) ? value.Span : declaration.Source.Span;
                problems.Add(new ConfigProblem(at, exception.Message, null));
                continue;
            }

            if (block is not null)
            {
                set.Add(declaration, block);
            }
        }

        return set;
    }
}

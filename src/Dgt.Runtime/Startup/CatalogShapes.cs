using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>
/// The generated catalog, builder bindings and row codecs as the shared configuration rules see them: the same shapes the build
/// checked the compiled-in YAMLs against, so start-up checks the YAML it loads by the same rules.
/// </summary>
public static class CatalogShapes
{
    /// <summary>The shapes of every block type the program can build.</summary>
    public static IReadOnlyList<BlockTypeShape> From(IReadOnlyList<BlockTypeRegistration> blockTypes)
    {
        ArgumentNullException.ThrowIfNull(blockTypes);
        return [.. blockTypes.Select(t => new BlockTypeShape(
            t.TypeName, t.Aliases, t.ClrTypeName, [.. t.Options.Select(From)], t.AssignableTo, t.IsValidator, t.InputFields, t.OutputFields))];
    }

    /// <summary>The shape of a builder: its <c>[Block]</c> fields and its rows.</summary>
    public static BuilderShape From(IBlockHost host, string rowTypeName, IReadOnlyList<string> rowFields)
    {
        ArgumentNullException.ThrowIfNull(host);
        return new BuilderShape(
            [.. host.BlockSlots.Select(s => new BlockFieldShape(s.FieldName, s.BlockName, s.FieldType, s.FieldTypeName))], rowTypeName, rowFields);
    }

    /// <summary>The shapes of configured keys: a row codec's fields, as seeds are checked against them.</summary>
    public static IReadOnlyList<OptionShape> From(IReadOnlyList<ConfigField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return [.. fields.Select(From)];
    }

    private static OptionShape From(ConfigField option) => new(
        option.Key,
        option.Aliases,
        option.Kind switch
        {
            ConfigFieldKind.Text => ValueShape.Text,
            ConfigFieldKind.Boolean => ValueShape.Boolean,
            ConfigFieldKind.WholeNumber => ValueShape.WholeNumber,
            ConfigFieldKind.Number => ValueShape.Number,
            ConfigFieldKind.TextList => ValueShape.TextList,
            ConfigFieldKind.TextMap => ValueShape.TextMap,
            _ => ValueShape.Choice,
        },
        option.IsRequired,
        option.Expected,
        option.Minimum,
        option.Maximum,
        option.Choices);
}

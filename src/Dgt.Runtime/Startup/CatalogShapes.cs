using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>
/// The generated catalog and builder bindings as the shared configuration rules see them: the same shapes the build
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

    private static OptionShape From(BlockOption option) => new(
        option.Key,
        option.Aliases,
        option.Kind switch
        {
            BlockOptionKind.Text => ValueShape.Text,
            BlockOptionKind.Boolean => ValueShape.Boolean,
            BlockOptionKind.WholeNumber => ValueShape.WholeNumber,
            BlockOptionKind.Number => ValueShape.Number,
            BlockOptionKind.TextList => ValueShape.TextList,
            BlockOptionKind.TextMap => ValueShape.TextMap,
            _ => ValueShape.Choice,
        },
        option.IsRequired,
        option.Expected,
        option.Minimum,
        option.Maximum,
        option.Choices);
}

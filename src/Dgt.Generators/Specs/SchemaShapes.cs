using System.Linq;
using Dgt.Configuration.Schema;

namespace Dgt.Generators.Specs;

/// <summary>
/// The generator's specs as the shared configuration rules see them: the build checks YAML against these shapes, and
/// the generated catalog carries the same shapes to start-up.
/// </summary>
internal static class SchemaShapes
{
    public static OptionShape From(PropertySpec property)
    {
        var (shape, minimum, maximum) = property.Kind switch
        {
            ValueKind.String => (ValueShape.Text, (double?)null, (double?)null),
            ValueKind.Boolean => (ValueShape.Boolean, null, null),
            ValueKind.Int32 => (ValueShape.WholeNumber, property.Range?.Minimum ?? int.MinValue, property.Range?.Maximum ?? int.MaxValue),
            ValueKind.Int64 => (ValueShape.WholeNumber, property.Range?.Minimum, property.Range?.Maximum),
            ValueKind.Double or ValueKind.Single => (ValueShape.Number, property.Range?.Minimum, property.Range?.Maximum),
            ValueKind.StringList or ValueKind.StringArray => (ValueShape.TextList, null, null),
            ValueKind.StringMap => (ValueShape.TextMap, null, null),
            _ => (ValueShape.Choice, null, null),
        };
        return new OptionShape(
            property.Key,
            property.Aliases.ToArray(),
            shape,
            property.IsRequired,
            property.Expected,
            minimum,
            maximum,
            property.EnumMembers.Select(m => m.Key).ToArray());
    }

    /// <summary>A row record's fields as its codec reads them: the two every row has, then the record's own.</summary>
    public static OptionShape[] RowFields(RecordSpec rows) => new[]
    {
        new OptionShape("task_name", new string[0], ValueShape.Text, false, "text"),
        new OptionShape("is_seed", new string[0], ValueShape.Boolean, false, "true or false"),
    }.Concat(rows.Properties.Select(From)).ToArray();

    public static BlockTypeShape From(BlockTypeSpec blockType) => new(
        blockType.TypeName,
        blockType.Aliases.ToArray(),
        blockType.ClrName,
        blockType.Options.Properties.Select(From).ToArray(),
        blockType.AssignableTo.ToArray(),
        blockType.IsValidator,
        blockType.Fields?.Inputs.ToArray(),
        blockType.Fields?.Outputs.ToArray());

    public static BuilderShape From(BuilderSpec builder) => new(
        builder.BlockFields.Select(f => new BlockFieldShape(f.FieldName, f.BlockName, f.FieldType, f.FieldTypeDisplay)).ToArray(),
        builder.Data?.Name,
        builder.Data is null ? null : new[] { "task_name", "is_seed" }.Concat(builder.Data.Properties.Select(p => p.Key)).ToArray());
}

using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>Writes the partial of a builder that lists its <c>[Block]</c> fields and fills them.</summary>
internal static class BlockHostEmitter
{
    public static string HintName(BuilderSpec builder) => builder.Type.HintStem + ".BlockHost.g.cs";

    public static string Emit(BuilderSpec builder)
    {
        var writer = new SourceWriter().FileHeader();
        if (builder.Type.Namespace.Length > 0)
        {
            writer.Line($"namespace {builder.Type.Namespace};");
            writer.Line();
        }

        foreach (var containing in builder.Type.ContainingTypes)
        {
            writer.Open($"partial {containing.Keyword} {containing.Name}");
        }

        writer.Open($"partial class {builder.Type.Name} : global::Dgt.IBlockHost");
        EmitSlots(writer, builder);
        writer.Line();
        EmitBind(writer, builder);
        if (builder.HasSeedReader && builder.Data is { } data)
        {
            writer.Line();
            writer.Line("/// <summary>Reads a seed row with the builder's own <c>InstantiateInputExample</c>.</summary>");
            writer.Line($"internal static {data.FullName}? ReadSeed(global::Dgt.Configuration.IConfigMap row, string taskName) =>");
            writer.Indent();
            writer.Line("InstantiateInputExample(row, taskName);");
            writer.Outdent();
        }

        writer.Close();
        foreach (var _ in builder.Type.ContainingTypes)
        {
            writer.Close();
        }

        return writer.ToString();
    }

    private static void EmitSlots(SourceWriter writer, BuilderSpec builder)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line("global::System.Collections.Generic.IReadOnlyList<global::Dgt.BlockSlot> global::Dgt.IBlockHost.BlockSlots =>");
        writer.Line("[");
        writer.Indent();
        foreach (var field in builder.BlockFields)
        {
            writer.Line(
                $"new({Literals.String(field.BlockName)}, {Literals.String(field.FieldName)}, {Literals.String(field.FieldTypeDisplay)}, {Literals.String(field.FieldType)}, " +
                $"static block => block is {field.FieldType}),");
        }

        writer.Outdent();
        writer.Line("];");
    }

    private static void EmitBind(SourceWriter writer, BuilderSpec builder)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open("void global::Dgt.IBlockHost.BindBlocks(global::Dgt.IBlockResolver blocks)");
        foreach (var field in builder.BlockFields)
        {
            writer.Line($"this.{field.FieldName} = ({field.FieldType})blocks.Resolve({Literals.String(field.BlockName)});");
        }

        if (builder.BlockFields.IsEmpty)
        {
            writer.Line("_ = blocks;");
        }

        writer.Close();
    }
}

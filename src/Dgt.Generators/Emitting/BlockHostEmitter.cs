using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes the partial of a builder that lists its <c>[Block]</c> fields and fills them. The builder is the user's type,
/// so <c>[GeneratedCode]</c> goes on the generated members only: on the type it would mark the user's own code as
/// generated, and analyzers would stop looking at it.
/// </summary>
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

        EmitWithin(writer, builder, 0);
        return writer.ToString();
    }

    /// <summary>The partials of the containing types, outermost first, around the builder's own.</summary>
    private static void EmitWithin(SourceWriter writer, BuilderSpec builder, int depth)
    {
        if (depth < builder.Type.ContainingTypes.Count)
        {
            var containing = builder.Type.ContainingTypes[depth];
            using (writer.Block($"partial {containing.Keyword} {containing.Name}"))
            {
                EmitWithin(writer, builder, depth + 1);
            }

            return;
        }

        using (writer.Block($"partial class {builder.Type.Name} : global::Dgt.IBlockHost"))
        {
            EmitSlots(writer, builder);
            writer.Line();
            EmitBind(writer, builder);
            if (builder.HasSeedReader && builder.Data is { } data)
            {
                writer.Line();
                writer.Line("/// <summary>Reads a seed row with the builder's own <c>InstantiateInputExample</c>.</summary>");
                writer.Line(GeneratorVersion.Attribute);
                writer.Line($"internal static {data.FullName}? ReadSeed(global::Dgt.Configuration.IConfigMap row, string taskName) =>");
                using (writer.Indented())
                {
                    writer.Line("InstantiateInputExample(row, taskName);");
                }
            }
        }
    }

    private static void EmitSlots(SourceWriter writer, BuilderSpec builder)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line(GeneratorVersion.Attribute);
        writer.Line("global::System.Collections.Generic.IReadOnlyList<global::Dgt.BlockSlot> global::Dgt.IBlockHost.BlockSlots =>");
        using (writer.Enclosed("[", "];"))
        {
            foreach (var field in builder.BlockFields)
            {
                writer.Line(
                    $"new({Literals.String(field.BlockName)}, {Literals.String(field.FieldName)}, {Literals.String(field.FieldTypeDisplay)}, {Literals.String(field.FieldType)}, " +
                    $"static block => block is {field.FieldType}),");
            }
        }
    }

    private static void EmitBind(SourceWriter writer, BuilderSpec builder)
    {
        writer.Line("/// <inheritdoc />");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block("void global::Dgt.IBlockHost.BindBlocks(global::Dgt.IBlockResolver blocks)"))
        {
            foreach (var field in builder.BlockFields)
            {
                writer.Line($"this.{field.FieldName} = ({field.FieldType})blocks.Resolve({Literals.String(field.BlockName)});");
            }

            if (builder.BlockFields.IsEmpty)
            {
                writer.Line("_ = blocks;");
            }
        }
    }
}

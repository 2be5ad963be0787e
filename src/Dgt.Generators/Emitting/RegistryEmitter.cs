using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>Writes the program's registry and the builder YAMLs it embeds.</summary>
internal static class RegistryEmitter
{
    public const string RegistryHintName = "DgtRegistry.g.cs";
    public const string YamlsHintName = "BuilderYamls.g.cs";

    public static string EmitRegistry(ProgramSpec program)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Line($"namespace {program.Namespace};");
        writer.Line();
        writer.Line("/// <summary>Every builder of this program and every block type it can build.</summary>");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block("public sealed class DgtRegistry : global::Dgt.IBuilderRegistry"))
        {
            using (writer.Block("private DgtRegistry()"))
            {
            }

            writer.Line();
            writer.Line("/// <summary>The registry.</summary>");
            writer.Line("public static DgtRegistry Instance { get; } = new();");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::Dgt.BuilderRegistration> Builders { get; } =");
            using (writer.Enclosed("[", "];"))
            {
                foreach (var registered in program.Builders)
                {
                    EmitRegistration(writer, registered);
                }
            }

            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::Dgt.BlockTypeRegistration> BlockTypes { get; } =");
            using (writer.Enclosed("[", "];"))
            {
                foreach (var catalog in program.Catalogs)
                {
                    writer.Line($".. {catalog}.All,");
                }
            }
        }

        return writer.ToString();
    }

    public static string EmitYamls(ProgramSpec program)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Line($"namespace {program.Namespace};");
        writer.Line();
        writer.Line("/// <summary>The builder YAMLs, compiled in so that a single-file program needs no loose files.</summary>");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block("internal static class BuilderYamls"))
        {
            var first = true;
            foreach (var registered in program.Builders)
            {
                if (!first)
                {
                    writer.Line();
                }

                first = false;
                var path = registered.YamlPath.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
                writer.Line($"/// <summary><c>{path}</c>.</summary>");
                if (registered.YamlText.Length == 0)
                {
                    writer.Line($"public const string {registered.YamlConstant} = \"\";");
                    continue;
                }

                // The closing delimiter sits at column 0, so no indentation is taken off the text: it round-trips exactly.
                var delimiter = Literals.RawDelimiter(registered.YamlText);
                writer.Line($"public const string {registered.YamlConstant} = {delimiter}");
                writer.Verbatim(registered.YamlText).Verbatim("\n").Verbatim(delimiter + ";\n");
            }
        }

        return writer.ToString();
    }

    private static void EmitRegistration(SourceWriter writer, RegisteredBuilderSpec registered)
    {
        var builder = registered.Builder;
        var data = builder.Data!.FullName;
        var readSeed = builder.HasSeedReader ? builder.Type.FullName + ".ReadSeed" : registered.CodecName + ".Instance.Read";
        writer.Line($"new global::Dgt.GenerationBuilderRegistration<{data}>(");
        using (writer.Indented())
        {
            writer.Line(Literals.String(builder.Name) + ",");
            writer.Line(Literals.String(registered.YamlPath) + ",");
            writer.Line($"BuilderYamls.{registered.YamlConstant},");
            writer.Line($"static () => new {builder.Type.FullName}(),");
            writer.Line($"{registered.CodecName}.Instance,");
            writer.Line(readSeed + ",");
            writer.Line("HasOwnSeedReader: " + (builder.HasSeedReader ? "true" : "false") + "),");
        }
    }
}

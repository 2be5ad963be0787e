using System.Collections.Generic;
using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes the block catalog of an assembly that defines block types, its <c>[assembly: BlockLibrary]</c> marker, and
/// one options binder per options record.
/// </summary>
internal static class BlockCatalogEmitter
{
    public const string CatalogClass = "BlockCatalog";

    public static IEnumerable<(string HintName, string Source)> Emit(BlockCatalogSpec catalog)
    {
        var binders = BinderNames(catalog);
        yield return (CatalogClass + ".g.cs", EmitCatalog(catalog, binders));
        foreach (var options in catalog.BlockTypes.Select(b => b.Options).Distinct().OrderBy(o => binders[o.FullName], System.StringComparer.Ordinal))
        {
            var binder = binders[options.FullName];
            yield return (binder + ".g.cs", EmitBinder(catalog.Namespace, binder, options));
        }
    }

    /// <summary>A catalog with no entries, so that code naming it still compiles after a generator failure.</summary>
    public static string EmitSkeleton(string ns) =>
        EmitCatalog(new BlockCatalogSpec(ns, EquatableArray<BlockTypeSpec>.Empty), new Dictionary<string, string>());

    private static Dictionary<string, string> BinderNames(BlockCatalogSpec catalog)
    {
        var names = new Dictionary<string, string>(System.StringComparer.Ordinal);
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { CatalogClass };
        foreach (var options in catalog.BlockTypes.Select(b => b.Options).OrderBy(o => o.FullName, System.StringComparer.Ordinal))
        {
            if (names.ContainsKey(options.FullName))
            {
                continue;
            }

            var name = options.Name + "Binder";
            for (var i = 2; !taken.Add(name); i++)
            {
                name = options.Name + "Binder" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names.Add(options.FullName, name);
        }

        return names;
    }

    private static string EmitCatalog(BlockCatalogSpec catalog, Dictionary<string, string> binders)
    {
        var writer = new SourceWriter().FileHeader();
        if (!catalog.BlockTypes.IsEmpty)
        {
            var types = string.Join(", ", catalog.BlockTypes.Select(b => $"typeof({b.FullName})"));
            writer.Line($"[assembly: global::Dgt.BlockLibrary({Literals.String(catalog.Namespace + "." + CatalogClass)}, {types})]");
            writer.Line();
        }

        writer.Line($"namespace {catalog.Namespace};");
        writer.Line();
        writer.Line("/// <summary>The block types this assembly defines, each with the binding of its YAML options.</summary>");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block($"public static class {CatalogClass}"))
        {
            writer.Line("/// <summary>One registration per block type, sorted by type name.</summary>");
            writer.Line("public static global::System.Collections.Generic.IReadOnlyList<global::Dgt.BlockTypeRegistration> All { get; } =");
            using (writer.Enclosed("[", "];"))
            {
                foreach (var blockType in catalog.BlockTypes)
                {
                    EmitRegistration(writer, blockType, binders[blockType.Options.FullName]);
                }
            }
        }

        return writer.ToString();
    }

    private static void EmitRegistration(SourceWriter writer, BlockTypeSpec blockType, string binder)
    {
        writer.Line("new global::Dgt.BlockTypeRegistration(");
        using (writer.Indented())
        {
            writer.Line(Literals.String(blockType.TypeName) + ",");
            writer.Line(Literals.StringArray(blockType.Aliases) + ",");
            writer.Line(Literals.String(blockType.ClrName) + ",");
            EmitOptions(writer, blockType.Options);
            writer.Line(Literals.StringArray(blockType.AssignableTo) + ",");
            writer.Line((blockType.IsValidator ? "true" : "false") + ",");
            writer.Line("static (map, context) =>");
            using (writer.Enclosed("{", blockType.Fields is null ? "})," : "},"))
            {
                writer.Line($"var options = {binder}.Bind(map);");
                writer.Line($"return options is null ? null : new {blockType.FullName}(options, context);");
            }

            if (blockType.Fields is { } fields)
            {
                writer.Line("InputFields: " + Literals.StringArray(fields.Inputs) + ",");
                writer.Line("OutputFields: " + Literals.StringArray(fields.Outputs) + "),");
            }
        }
    }

    /// <summary>The options as start-up checks them: the same shapes the build checked the YAML against.</summary>
    private static void EmitOptions(SourceWriter writer, RecordSpec options) =>
        ConfigFieldEmitter.EmitList(writer, options.Properties.Select(SchemaShapes.From), "],");

    private static string EmitBinder(string ns, string binder, RecordSpec options)
    {
        var writer = new SourceWriter().FileHeader();
        writer.Line($"namespace {ns};");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// Converts a block's YAML options into <see cref=\"{options.FullName}\"/>.");
        writer.Line("/// Start-up checks them by the rules the build checks them by (keys, values, ranges, required options) before any");
        writer.Line("/// block is created, so nothing here reports a rule of its own.");
        if (options.Properties.Any(p => p.Kind == ValueKind.Int32))
        {
            writer.Line("/// A whole number is narrowed to 32 bits by a checked cast: one the check did not see throws rather than wraps.");
        }

        writer.Line("/// </summary>");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block($"internal static class {binder}"))
        {
            writer.Line("/// <summary>The options; null only when they were not checked and cannot be read.</summary>");
            using (writer.Block($"public static {options.FullName}? Bind(global::Dgt.Configuration.IConfigMap map)"))
            {
                var taken = new HashSet<string>(System.StringComparer.Ordinal) { "map", "options" };
                var reads = PropertyReadEmitter.EmitReads(writer, "map", options.Properties, taken, PropertyReadEmitter.Checking.None);
                var unread = new[] { "map.HasErrors" }.Concat(reads.Where(r => r.Property.IsRequired).Select(r => r.Local + " is null"));
                writer.Line("// Reached only by options that were not checked: then a getter has reported a value it could not read, or a");
                writer.Line("// required option is absent, and no options are built from them.");
                using (writer.Block($"if ({string.Join(" || ", unread)})"))
                {
                    writer.Line("return null;");
                }

                writer.Line();
                RecordConstructionEmitter.EmitReturn(writer, "options", options.FullName, reads, []);
            }
        }

        return writer.ToString();
    }
}

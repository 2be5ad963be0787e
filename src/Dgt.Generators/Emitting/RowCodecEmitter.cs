using System.Collections.Generic;
using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>Writes the codec of a row record: YAML/JSON mapping → record, record → JSON, field access by name.</summary>
internal static class RowCodecEmitter
{
    public static string Emit(string ns, CodecSpec codec)
    {
        var record = codec.Record;
        var writer = new SourceWriter().FileHeader();
        writer.Line($"namespace {ns};");
        writer.Line();
        writer.Line($"/// <summary>Reads and writes <see cref=\"{record.FullName}\"/> rows with snake_case keys.</summary>");
        writer.Line(GeneratorVersion.Attribute);
        using (writer.Block($"internal sealed class {codec.Name} : global::Dgt.RowCodec<{record.FullName}>"))
        {
            var names = new[] { "task_name", "is_seed" }.Concat(record.Properties.Select(p => p.Key)).ToList();
            var keys = names.Concat(record.Properties.SelectMany(p => p.Aliases)).ToList();
            writer.Line($"private static readonly string[] Names = {Literals.StringArray(names)};");
            if (keys.Count != names.Count)
            {
                writer.Line($"private static readonly string[] Keys = {Literals.StringArray(keys)};");
            }

            writer.Line();
            using (writer.Block($"private {codec.Name}()"))
            {
            }

            writer.Line();
            writer.Line("/// <summary>The one instance.</summary>");
            writer.Line($"public static {codec.Name} Instance {{ get; }} = new();");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override string RecordName => {Literals.String(record.Name)};");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override global::System.Collections.Generic.IReadOnlyList<string> FieldNames => Names;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line("public override global::System.Collections.Generic.IReadOnlyList<global::Dgt.ConfigField> Fields { get; } =");
            using (writer.Indented())
            {
                ConfigFieldEmitter.EmitList(writer, SchemaShapes.RowFields(record), "];");
            }

            writer.Line();
            EmitRead(writer, record, keys.Count != names.Count ? "Keys" : "Names");
            writer.Line();
            EmitWrite(writer, record);
            writer.Line();
            EmitTryGetField(writer, record);
        }

        return writer.ToString();
    }

    private static void EmitRead(SourceWriter writer, RecordSpec record, string keys)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Block($"public override {record.FullName}? Read(global::Dgt.Configuration.IConfigMap row, string defaultTaskName)"))
        {
            writer.Line($"row.ReportUnknownKeys({keys});");
            writer.Line();
            writer.Line("string? taskName = null;");
            using (writer.Block("if (row.TryGetString(\"task_name\", out var taskNameValue))"))
            {
                writer.Line("taskName = taskNameValue;");
            }

            writer.Line();
            writer.Line("bool? isSeed = null;");
            using (writer.Block("if (row.TryGetBoolean(\"is_seed\", out var isSeedValue))"))
            {
                writer.Line("isSeed = isSeedValue;");
            }

            writer.Line();
            var taken = new HashSet<string>(System.StringComparer.Ordinal)
            {
                "row", "defaultTaskName", "result", "taskName", "taskNameValue", "isSeed", "isSeedValue",
            };
            var reads = PropertyReadEmitter.EmitReads(writer, "row", record.Properties, taken, PropertyReadEmitter.Checking.Report);
            using (writer.Block("if (row.HasErrors)"))
            {
                writer.Line("return null;");
            }

            writer.Line();
            RecordConstructionEmitter.EmitReturn(
                writer,
                "result",
                record.FullName,
                reads,
                ["TaskName = taskName ?? defaultTaskName,", "IsSeed = isSeed.GetValueOrDefault(),"]);
        }
    }

    private static void EmitWrite(SourceWriter writer, RecordSpec record)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Block($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {record.FullName} row)"))
        {
            writer.Line("writer.WriteStartObject();");
            writer.Line("writer.WriteString(\"task_name\", row.TaskName);");
            writer.Line("writer.WriteBoolean(\"is_seed\", row.IsSeed);");
            foreach (var property in record.Properties)
            {
                EmitWriteProperty(writer, property);
            }

            writer.Line("writer.WriteEndObject();");
        }
    }

    private static void EmitWriteProperty(SourceWriter writer, PropertySpec property)
    {
        var key = Literals.String(property.Key);
        var value = "row." + property.Name;
        switch (property.Kind)
        {
            case ValueKind.String:
                writer.Line($"writer.WriteString({key}, {value});");
                return;
            case ValueKind.Enum:
                writer.Line($"writer.WriteString({key}, {EnumText(property, value)});");
                return;
            case ValueKind.StringList:
            case ValueKind.StringArray:
                using (writer.Block($"if ({value} is {{ }} {Item(property)})"))
                {
                    writer.Line($"writer.WriteStartArray({key});");
                    using (writer.Block($"foreach (var item in {Item(property)})"))
                    {
                        writer.Line("writer.WriteStringValue(item);");
                    }

                    writer.Line("writer.WriteEndArray();");
                }

                WriteNullOtherwise(writer, key);
                return;
            case ValueKind.StringMap:
                using (writer.Block($"if ({value} is {{ }} {Item(property)})"))
                {
                    writer.Line($"writer.WriteStartObject({key});");
                    using (writer.Block($"foreach (var pair in {Item(property)})"))
                    {
                        writer.Line("writer.WriteString(pair.Key, pair.Value);");
                    }

                    writer.Line("writer.WriteEndObject();");
                }

                WriteNullOtherwise(writer, key);
                return;
        }

        var method = property.Kind == ValueKind.Boolean ? "WriteBoolean" : "WriteNumber";
        if (!property.IsNullableValueType)
        {
            writer.Line($"writer.{method}({key}, {value});");
            return;
        }

        using (writer.Block($"if ({value} is {{ }} {Item(property)})"))
        {
            writer.Line($"writer.{method}({key}, {Item(property)});");
        }

        WriteNullOtherwise(writer, key);
    }

    private static void WriteNullOtherwise(SourceWriter writer, string key)
    {
        using (writer.Block("else"))
        {
            writer.Line($"writer.WriteNull({key});");
        }
    }

    private static string Item(PropertySpec property) =>
        Identifiers.Companion(Identifiers.Local(property.Name, new HashSet<string>()), "Value");

    private static string EnumText(PropertySpec property, string value)
    {
        var arms = property.EnumMembers.Select(m => $"{property.TypeName}.{m.MemberName} => {Literals.String(m.Key)}");
        return $"{value} switch {{ {string.Join(", ", arms)}{(property.EnumMembers.IsEmpty ? "" : ", ")}_ => null }}";
    }

    private static void EmitTryGetField(SourceWriter writer, RecordSpec record)
    {
        writer.Line("/// <inheritdoc />");
        using (writer.Block($"public override bool TryGetField({record.FullName} row, string field, out object? value)"))
        using (writer.Block("switch (field)"))
        {
            Case(writer, "task_name", "row.TaskName");
            Case(writer, "is_seed", "row.IsSeed");
            foreach (var property in record.Properties)
            {
                var value = property.Kind == ValueKind.Enum ? EnumText(property, "row." + property.Name) : "row." + property.Name;
                Case(writer, property.Key, value);
            }

            writer.Line("default:");
            using (writer.Indented())
            {
                writer.Line("value = null;");
                writer.Line("return false;");
            }
        }
    }

    private static void Case(SourceWriter writer, string key, string value)
    {
        writer.Line($"case {Literals.String(key)}:");
        using (writer.Indented())
        {
            writer.Line($"value = {value};");
            writer.Line("return true;");
        }
    }
}

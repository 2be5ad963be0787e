using System.Collections.Generic;
using System.Linq;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Emitting;

/// <summary>Writes the codec of a row record: YAML/JSON mapping → record, record → JSON, field access by name.</summary>
internal static class RowCodecEmitter
{
    public const string Namespace = "Dgt.Generated";

    public static string Emit(CodecSpec codec)
    {
        var record = codec.Record;
        var writer = new SourceWriter().FileHeader();
        writer.Line($"namespace {Namespace};");
        writer.Line();
        writer.Line($"/// <summary>Reads and writes <see cref=\"{record.FullName}\"/> rows with snake_case keys.</summary>");
        writer.Open($"internal sealed class {codec.Name} : global::Dgt.RowCodec<{record.FullName}>");
        var names = new[] { "task_name", "is_seed" }.Concat(record.Properties.Select(p => p.Key)).ToList();
        var keys = names.Concat(record.Properties.SelectMany(p => p.Aliases)).ToList();
        writer.Line($"private static readonly string[] Names = {Literals.StringArray(names)};");
        if (keys.Count != names.Count)
        {
            writer.Line($"private static readonly string[] Keys = {Literals.StringArray(keys)};");
        }

        writer.Line();
        writer.Open($"private {codec.Name}()");
        writer.Close();
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
        EmitRead(writer, record, keys.Count != names.Count ? "Keys" : "Names");
        writer.Line();
        EmitWrite(writer, record);
        writer.Line();
        EmitTryGetField(writer, record);
        if (record.Properties.Any(p => p.IsRequired))
        {
            writer.Line();
            PropertyReadEmitter.EmitReportRequired(writer);
        }

        writer.Close();
        return writer.ToString();
    }

    private static void EmitRead(SourceWriter writer, RecordSpec record, string keys)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public override {record.FullName}? Read(global::Dgt.Configuration.IConfigMap row, string defaultTaskName)");
        writer.Line($"row.ReportUnknownKeys({keys});");
        writer.Line();
        writer.Line("string? taskName = null;");
        writer.Open("if (row.TryGetString(\"task_name\", out var taskNameValue))");
        writer.Line("taskName = taskNameValue;");
        writer.Close();
        writer.Line();
        writer.Line("bool? isSeed = null;");
        writer.Open("if (row.TryGetBoolean(\"is_seed\", out var isSeedValue))");
        writer.Line("isSeed = isSeedValue;");
        writer.Close();
        writer.Line();
        var taken = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "row", "defaultTaskName", "result", "taskName", "taskNameValue", "isSeed", "isSeedValue",
        };
        var reads = PropertyReadEmitter.EmitReads(writer, "row", record.Properties, taken);
        writer.Open("if (row.HasErrors)");
        writer.Line("return null;");
        writer.Close();
        writer.Line();
        RecordConstructionEmitter.EmitReturn(
            writer,
            "result",
            record.FullName,
            reads,
            ["TaskName = taskName ?? defaultTaskName,", "IsSeed = isSeed.GetValueOrDefault(),"]);
        writer.Close();
    }

    private static void EmitWrite(SourceWriter writer, RecordSpec record)
    {
        writer.Line("/// <inheritdoc />");
        writer.Open($"public override void Write(global::System.Text.Json.Utf8JsonWriter writer, {record.FullName} row)");
        writer.Line("writer.WriteStartObject();");
        writer.Line("writer.WriteString(\"task_name\", row.TaskName);");
        writer.Line("writer.WriteBoolean(\"is_seed\", row.IsSeed);");
        foreach (var property in record.Properties)
        {
            EmitWriteProperty(writer, property);
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
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
                writer.Open($"if ({value} is {{ }} {Item(property)})");
                writer.Line($"writer.WriteStartArray({key});");
                writer.Open($"foreach (var item in {Item(property)})");
                writer.Line("writer.WriteStringValue(item);");
                writer.Close();
                writer.Line("writer.WriteEndArray();");
                writer.Close();
                WriteNullOtherwise(writer, key);
                return;
            case ValueKind.StringMap:
                writer.Open($"if ({value} is {{ }} {Item(property)})");
                writer.Line($"writer.WriteStartObject({key});");
                writer.Open($"foreach (var pair in {Item(property)})");
                writer.Line("writer.WriteString(pair.Key, pair.Value);");
                writer.Close();
                writer.Line("writer.WriteEndObject();");
                writer.Close();
                WriteNullOtherwise(writer, key);
                return;
        }

        var method = property.Kind == ValueKind.Boolean ? "WriteBoolean" : "WriteNumber";
        if (!property.IsNullableValueType)
        {
            writer.Line($"writer.{method}({key}, {value});");
            return;
        }

        writer.Open($"if ({value} is {{ }} {Item(property)})");
        writer.Line($"writer.{method}({key}, {Item(property)});");
        writer.Close();
        WriteNullOtherwise(writer, key);
    }

    private static void WriteNullOtherwise(SourceWriter writer, string key)
    {
        writer.Open("else");
        writer.Line($"writer.WriteNull({key});");
        writer.Close();
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
        writer.Open($"public override bool TryGetField({record.FullName} row, string field, out object? value)");
        writer.Open("switch (field)");
        Case(writer, "task_name", "row.TaskName");
        Case(writer, "is_seed", "row.IsSeed");
        foreach (var property in record.Properties)
        {
            var value = property.Kind == ValueKind.Enum ? EnumText(property, "row." + property.Name) : "row." + property.Name;
            Case(writer, property.Key, value);
        }

        writer.Line("default:");
        writer.Indent();
        writer.Line("value = null;");
        writer.Line("return false;");
        writer.Outdent();
        writer.Close();
        writer.Close();
    }

    private static void Case(SourceWriter writer, string key, string value)
    {
        writer.Line($"case {Literals.String(key)}:");
        writer.Indent();
        writer.Line($"value = {value};");
        writer.Line("return true;");
        writer.Outdent();
    }
}

using System.Text.Json;
using Dgt.Configuration;

namespace Dgt;

/// <summary>
/// Reads and writes rows of <typeparamref name="TData"/> without reflection. The source generator emits one per record
/// type: YAML/JSON mapping → record (snake_case keys onto PascalCase properties) and record → JSON object.
/// </summary>
public abstract class RowCodec<TData>
    where TData : DataPoint
{
    /// <summary>The record's name, as messages show it.</summary>
    public abstract string RecordName { get; }

    /// <summary>The snake_case field names, <c>task_name</c> and <c>is_seed</c> first.</summary>
    public abstract IReadOnlyList<string> FieldNames { get; }

    /// <summary>
    /// The fields as a seed row may give them (<c>task_name</c> and <c>is_seed</c> first), with what each accepts: start-up
    /// checks every seed against them by the rule the build applies to the task YAML's seed examples.
    /// </summary>
    public abstract IReadOnlyList<ConfigField> Fields { get; }

    /// <summary>
    /// Builds a row from a mapping; null when the mapping does not fit (the reasons are reported on it).
    /// <c>task_name</c> defaults to <paramref name="defaultTaskName"/>.
    /// </summary>
    public abstract TData? Read(IConfigMap row, string defaultTaskName);

    /// <summary>Writes the row as one JSON object.</summary>
    public abstract void Write(Utf8JsonWriter writer, TData row);

    /// <summary>Reads a field by its snake_case name.</summary>
    public abstract bool TryGetField(TData row, string field, out object? value);
}

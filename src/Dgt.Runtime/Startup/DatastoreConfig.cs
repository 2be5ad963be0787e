using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>A datastore entry of a task YAML (<c>seed_datastore</c>, <c>datastore</c>, <c>final_datastore</c>).</summary>
public sealed record DatastoreConfig(string Type, string? DataPath, string OutputDataFormat)
{
    /// <summary>The keys a datastore entry accepts.</summary>
    public static readonly IReadOnlyList<string> Keys = TaskKeys.Datastore;

    /// <summary>The store used when a task names none.</summary>
    public static DatastoreConfig Default { get; } = new("default", null, "jsonl");
}

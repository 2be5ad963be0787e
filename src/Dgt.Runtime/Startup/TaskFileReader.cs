using Dgt.Configuration.Schema;
using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>
/// Turns a task YAML into a <see cref="TaskDefinition"/>. The file's shape is checked by <see cref="TaskShape"/>, the
/// rules the build applies too; what passes is converted here, with nothing left to check but the command line's
/// overrides (see <see cref="RunnerConfigReader"/>).
/// </summary>
public static class TaskFileReader
{
    /// <summary>Reads a task from its parsed YAML; null when it lacks what identifies it. Problems are added to the list.</summary>
    public static TaskDefinition? Read(ConfigNode? root, string path, RunnerOverrides overrides, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(problems);
        var task = TaskShape.CheckRoot(root, path, problems);
        if (task is null)
        {
            return null;
        }

        var before = problems.Count;
        TaskShape.Check(task, problems);
        var runner = RunnerConfigReader.Read(task, overrides, checkedWell: problems.Count == before, problems);
        var name = Text(task, "task_name");
        var description = Text(task, "task_description");
        var builder = Text(task, "data_builder");

        // A task with problems is still returned when it can be, so that its seeds get checked against the builder
        // too and every error is reported in one go; the problems themselves stop the run.
        if (name is null || description is null || builder is null)
        {
            return null;
        }

        var (seedStore, seedStoreSpan) = Datastore(task, "seed_datastore");
        return new TaskDefinition
        {
            Name = name,
            Description = description,
            CreatedBy = Text(task, "created_by") ?? "",
            DataBuilder = builder,
            DataBuilderSpan = task.TryGetValue("data_builder", out var b) ? b.Span : task.Span,
            SeedExamples = task.TryGetValue("seed_examples", out var seeds) && seeds is ConfigSequence list ? [.. list.Items.OfType<ConfigMapping>()] : [],
            SeedDatastore = seedStore,
            SeedDatastoreSpan = seedStoreSpan,
            Runner = runner ?? new RunnerConfig(),
            Datastore = Datastore(task, "datastore").Config ?? DatastoreConfig.Default,
            FilePath = path,
            Source = task,
        };
    }

    /// <summary>True for keys the framework reads; other top-level keys belong to the builder.</summary>
    public static bool IsFixedKey(string key) => TaskKeys.Fixed.Contains(key, StringComparer.Ordinal);

    private static string? Text(ConfigMapping mapping, string key) =>
        mapping.TryGetValue(key, out var node) && node is ConfigScalar { IsNull: false } scalar ? scalar.Value : null;

    private static (DatastoreConfig? Config, SourceSpan? Span) Datastore(ConfigMapping task, string key)
    {
        if (!task.TryGetValue(key, out var node) || node is not ConfigMapping store)
        {
            return (null, null);
        }

        var config = new DatastoreConfig(
            Text(store, "type") ?? TaskKeys.DatastoreType, Text(store, "data_path"), Text(store, "output_data_format") ?? TaskKeys.DatastoreFormat);
        return (config, node.Span);
    }
}

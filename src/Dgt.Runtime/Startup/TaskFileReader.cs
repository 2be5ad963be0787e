using Dgt.Configuration.Schema;
using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Turns a task YAML into a <see cref="TaskDefinition"/>, collecting every problem with its location.</summary>
public static class TaskFileReader
{
    /// <summary>Reads a task from its parsed YAML; null when it lacks what identifies it. Problems are added to the list.</summary>
    public static TaskDefinition? Read(ConfigNode? root, string path, RunnerOverrides overrides, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(problems);
        if (root is null)
        {
            problems.Add(new ConfigProblem(SourceSpan.StartOf(path), "The task file is empty.",
                "Give it at least task_name, task_description, data_builder and seed_examples."));
            return null;
        }

        if (root is not ConfigMapping task)
        {
            problems.Add(new ConfigProblem(root.Span, $"A task file must be a mapping of keys, not {root.KindName}.", null));
            return null;
        }

        TaskShape.ReportMisplacedRunnerKeys(task, problems);
        var name = RequiredText(task, "task_name", "a unique name such as public/test/geography_qa", problems);
        if (name is not null && TaskNames.Problem(name) is { } nameProblem)
        {
            problems.Add(new ConfigProblem(task.TryGetValue("task_name", out var n) ? n.Span : task.Span, nameProblem, null));
        }

        var description = RequiredText(task, "task_description", "what the task makes", problems);
        var builder = RequiredText(task, "data_builder", "a registered builder name", problems);
        var createdBy = OptionalText(task, "created_by", problems) ?? "";
        var seeds = ReadSeedExamples(task, problems);
        var (seedStore, seedStoreSpan) = ReadDatastore(task, "seed_datastore", problems);
        var (datastore, _) = ReadDatastore(task, "datastore", problems);
        ReadDatastore(task, "final_datastore", problems);
        TaskShape.ReportMissingSeeds(task, problems);

        var runner = RunnerConfigReader.Read(task, path, overrides, problems);

        // A task with problems is still returned when it can be, so that its seeds get checked against the builder
        // too and every error is reported in one go; the problems themselves stop the run.
        if (name is null || description is null || builder is null)
        {
            return null;
        }

        return new TaskDefinition
        {
            Name = name,
            Description = description,
            CreatedBy = createdBy,
            DataBuilder = builder,
            DataBuilderSpan = task.TryGetValue("data_builder", out var b) ? b.Span : task.Span,
            SeedExamples = seeds,
            SeedDatastore = seedStore,
            SeedDatastoreSpan = seedStoreSpan,
            Runner = runner ?? new RunnerConfig(),
            Datastore = datastore ?? DatastoreConfig.Default,
            FilePath = path,
            Source = task,
        };
    }

    /// <summary>True for keys the framework reads; other top-level keys belong to the builder.</summary>
    public static bool IsFixedKey(string key) => TaskKeys.Fixed.Contains(key, StringComparer.Ordinal);

    private static string? RequiredText(ConfigMapping task, string key, string expected, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            problems.Add(new ConfigProblem(task.Span, $"The task has no '{key}'.", $"Add '{key}: <{expected}>'."));
            return null;
        }

        return OptionalText(task, key, problems);
    }

    private static string? OptionalText(ConfigMapping task, string key, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return null;
        }

        if (node is ConfigScalar scalar)
        {
            return scalar.Value;
        }

        problems.Add(new ConfigProblem(node.Span, $"'{key}' must be text, not {node.KindName}.", null));
        return null;
    }

    private static List<ConfigMapping> ReadSeedExamples(ConfigMapping task, List<ConfigProblem> problems)
    {
        var seeds = new List<ConfigMapping>();
        if (!task.TryGetValue("seed_examples", out var node) || node is ConfigScalar { IsNull: true })
        {
            return seeds;
        }

        if (node is not ConfigSequence list)
        {
            problems.Add(new ConfigProblem(node.Span, $"'seed_examples' must be a list of rows, not {node.KindName}.",
                "Write each row as '- question: …' on its own line."));
            return seeds;
        }

        foreach (var item in list.Items)
        {
            if (item is ConfigMapping row)
            {
                seeds.Add(row);
            }
            else
            {
                problems.Add(new ConfigProblem(item.Span, $"Each seed example must be a mapping of fields, not {item.KindName}.", null));
            }
        }

        return seeds;
    }

    private static (DatastoreConfig? Config, SourceSpan? Span) ReadDatastore(ConfigMapping task, string key, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return (null, null);
        }

        if (node is not ConfigMapping store)
        {
            problems.Add(new ConfigProblem(node.Span, $"'{key}' must be a mapping such as {{type: default, data_path: …}}, not {node.KindName}.", null));
            return (null, null);
        }

        var map = new YamlConfigMap(store, problems, $"'{key}'");
        map.ReportUnknownKeys([.. DatastoreConfig.Keys]);
        var type = map.TryGetString("type", out var t) ? t : "default";
        if (type != "default")
        {
            map.ReportInvalid("type", "'default' (the only datastore type so far)");
        }

        var format = map.TryGetString("output_data_format", out var f) ? f : "jsonl";
        if (format != "jsonl")
        {
            map.ReportInvalid("output_data_format", "'jsonl'");
        }

        var dataPath = map.TryGetString("data_path", out var p) ? p : null;
        return (new DatastoreConfig(type, dataPath, format), node.Span);
    }
}

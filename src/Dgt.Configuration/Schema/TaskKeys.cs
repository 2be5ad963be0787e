using System;
using System.Collections.Generic;

namespace Dgt.Configuration.Schema;

/// <summary>
/// The keys a task YAML's fixed sections accept. The source generator compiles this file too, so the build and the
/// program agree on them.
/// </summary>
public static class TaskKeys
{
    /// <summary>Top-level keys the framework reads; any other top-level key belongs to the builder.</summary>
    public static readonly IReadOnlyList<string> Fixed = new[]
    {
        "task_name", "task_description", "created_by", "data_builder", "seed_examples", "seed_datastore", "data",
        "runner_config", "datastore", "final_datastore", "formatter", "dataloader", "store_name", "include",
    };

    /// <summary>Top-level keys every task needs, with what each should hold.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string>> Required = new[]
    {
        new KeyValuePair<string, string>("task_name", "a unique name such as public/test/geography_qa"),
        new KeyValuePair<string, string>("task_description", "what the task makes"),
        new KeyValuePair<string, string>("data_builder", "a registered builder name"),
    };

    /// <summary>The keys <c>runner_config</c> accepts, with the smallest whole number each takes (null: not a number).</summary>
    public static readonly IReadOnlyList<RunnerKey> Runner = new[]
    {
        new RunnerKey("num_outputs_to_generate", RunnerValueKind.WholeNumber, 1),
        // At least 1: a task's first attempts have no machine rows, so without seeds they would have no input at all.
        new RunnerKey("seed_batch_size", RunnerValueKind.WholeNumber, 1),
        new RunnerKey("machine_batch_size", RunnerValueKind.WholeNumber, 0),
        new RunnerKey("restart_generation", RunnerValueKind.Boolean, 0),
        new RunnerKey("output_dir", RunnerValueKind.Text, 0),
        new RunnerKey("save_formatted_output", RunnerValueKind.Boolean, 0),
        new RunnerKey("max_gen_requests", RunnerValueKind.WholeNumber, 1),
        new RunnerKey("max_stalled_requests", RunnerValueKind.WholeNumber, 1),
    };

    /// <summary>The keys a datastore entry accepts.</summary>
    public static readonly IReadOnlyList<string> Datastore = new[] { "type", "data_path", "output_data_format" };

    /// <summary>The one datastore type so far.</summary>
    public const string DatastoreType = "default";

    /// <summary>The one output format so far.</summary>
    public const string DatastoreFormat = "jsonl";

    /// <summary>The sections that hold a datastore entry.</summary>
    public static readonly IReadOnlyList<string> DatastoreSections = new[] { "seed_datastore", "datastore", "final_datastore" };

    /// <summary>The names of <see cref="Runner"/>.</summary>
    public static IReadOnlyList<string> RunnerNames
    {
        get
        {
            var names = new List<string>(Runner.Count);
            foreach (var key in Runner)
            {
                names.Add(key.Name);
            }

            return names;
        }
    }
}

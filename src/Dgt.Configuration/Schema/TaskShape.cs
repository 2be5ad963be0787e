using System;
using System.Collections.Generic;
using System.Globalization;
using Dgt.Configuration;

namespace Dgt.Configuration.Schema;

/// <summary>
/// The checks of a task YAML that need no builder: the file is a mapping, required keys, keys misplaced at the top,
/// and the fixed sections (<c>seed_examples</c>, <c>runner_config</c>, datastores). The one implementation of these
/// rules: the source generator runs it on the repository's task YAMLs at build time, and the program at start-up
/// before it converts the task (which then needs no checks of its own).
/// </summary>
public static class TaskShape
{
    /// <summary>The task's mapping, or null (with the problem reported) when the file holds no mapping.</summary>
    public static ConfigMapping? CheckRoot(ConfigNode? root, string path, List<ConfigProblem> problems)
    {
        if (root is ConfigMapping task)
        {
            return task;
        }

        problems.Add(root is null
            ? new ConfigProblem(SourceSpan.StartOf(path), "The task file is empty.", "Give it at least task_name, task_description, data_builder and seed_examples.")
            : new ConfigProblem(root.Span, "A task file must be a mapping of keys, not " + root.KindName + ".",
                "Give it at least task_name, task_description, data_builder and seed_examples."));
        return null;
    }

    /// <summary>Every problem of the task's own shape.</summary>
    public static void Check(ConfigMapping task, List<ConfigProblem> problems)
    {
        ReportMisplacedRunnerKeys(task, problems);
        foreach (var required in TaskKeys.Required)
        {
            if (!task.TryGetValue(required.Key, out var node) || node is ConfigScalar { IsNull: true })
            {
                problems.Add(new ConfigProblem(task.Span, "The task has no '" + required.Key + "'.", "Add '" + required.Key + ": <" + required.Value + ">'."));
            }
            else if (node is not ConfigScalar scalar)
            {
                problems.Add(new ConfigProblem(node.Span, "'" + required.Key + "' must be text, not " + node.KindName + ".", null));
            }
            else if (required.Key == "task_name" && TaskNames.Problem(scalar.Value) is { } nameProblem)
            {
                problems.Add(new ConfigProblem(scalar.Span, nameProblem, null));
            }
        }

        if (task.TryGetValue("created_by", out var createdBy) && createdBy is not ConfigScalar)
        {
            problems.Add(new ConfigProblem(createdBy.Span, "'created_by' must be text, not " + createdBy.KindName + ".", null));
        }

        CheckSeedExamples(task, problems);
        ReportMissingSeeds(task, problems);
        CheckRunnerConfig(task, problems);
        foreach (var section in TaskKeys.DatastoreSections)
        {
            CheckDatastore(task, section, problems);
        }
    }

    /// <summary>A runner key at the top of a task is ignored by the reference framework: here it is an error.</summary>
    public static void ReportMisplacedRunnerKeys(ConfigMapping task, List<ConfigProblem> problems)
    {
        foreach (var entry in task.Entries)
        {
            var key = entry.Key.Value;
            if (!Contains(TaskKeys.RunnerNames, key))
            {
                continue;
            }

            problems.Add(new ConfigProblem(entry.Key.Span,
                "'" + key + "' belongs under 'runner_config:', not at the top of the task.",
                "Move it: 'runner_config: {" + key + ": …}', or pass --" + key.Replace('_', '-') + " on the command line."));
        }
    }

    /// <summary>
    /// A generation task needs <c>seed_examples</c> or a <c>seed_datastore</c>. Other top-level keys belong to the
    /// builder, so a misspelt <c>seed_examples</c> would pass unseen: the message names the likely culprit.
    /// </summary>
    public static void ReportMissingSeeds(ConfigMapping task, List<ConfigProblem> problems)
    {
        if (task.TryGetValue("seed_examples", out _) ||
            (task.TryGetValue("seed_datastore", out var store) && store is not ConfigScalar { IsNull: true }))
        {
            return;
        }

        foreach (var entry in task.Entries)
        {
            var closest = Suggestions.Closest(entry.Key.Value, new[] { "seed_examples", "seed_datastore" });
            if (closest is not null && !Contains(TaskKeys.Fixed, entry.Key.Value))
            {
                problems.Add(new ConfigProblem(entry.Key.Span, "The task has no seeds. Did you mean '" + closest + "'?",
                    "Rename '" + entry.Key.Value + "' to '" + closest + "'."));
                return;
            }
        }

        problems.Add(new ConfigProblem(task.Span, "The task has no seeds.",
            "Add 'seed_examples:' with a list of rows, or 'seed_datastore: {type: default, data_path: …}'."));
    }

    private static void CheckSeedExamples(ConfigMapping task, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue("seed_examples", out var node) || node is ConfigScalar { IsNull: true })
        {
            return;
        }

        if (node is not ConfigSequence list)
        {
            problems.Add(new ConfigProblem(node.Span, "'seed_examples' must be a list of rows, not " + node.KindName + ".",
                "Write each row as '- question: …' on its own line."));
            return;
        }

        foreach (var item in list.Items)
        {
            if (item is not ConfigMapping)
            {
                problems.Add(new ConfigProblem(item.Span, "Each seed example must be a mapping of fields, not " + item.KindName + ".", null));
            }
        }
    }

    private static void CheckRunnerConfig(ConfigMapping task, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue("runner_config", out var node) || node is ConfigScalar { IsNull: true })
        {
            return;
        }

        if (node is not ConfigMapping runner)
        {
            problems.Add(new ConfigProblem(node.Span, "'runner_config' must be a mapping, not " + node.KindName + ".", null));
            return;
        }

        ReportUnknownKeys(runner, "'runner_config'", TaskKeys.RunnerNames, problems);
        foreach (var key in TaskKeys.Runner)
        {
            if (runner.TryGetValue(key.Name, out var value) && value is not ConfigScalar { IsNull: true })
            {
                CheckRunnerValue(key, value, problems);
            }
        }
    }

    private static void CheckRunnerValue(RunnerKey key, ConfigNode value, List<ConfigProblem> problems)
    {
        var expected = key.Kind switch
        {
            RunnerValueKind.WholeNumber => "a whole number of at least " + key.Minimum.ToString(CultureInfo.InvariantCulture),
            RunnerValueKind.Boolean => "true or false",
            _ => "text",
        };
        var fits = value is ConfigScalar scalar && key.Kind switch
        {
            RunnerValueKind.WholeNumber => long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= key.Minimum,
            RunnerValueKind.Boolean => ValueCheck.TryReadBoolean(scalar.Value, out _),
            _ => true,
        };
        if (!fits)
        {
            var actual = value is ConfigScalar text ? "'" + text.Value + "'" : value.KindName;
            problems.Add(new ConfigProblem(value.Span, "'" + key.Name + "' of 'runner_config' must be " + expected + ", not " + actual + ".", null));
        }
    }

    private static void CheckDatastore(ConfigMapping task, string section, List<ConfigProblem> problems)
    {
        if (!task.TryGetValue(section, out var node) || node is ConfigScalar { IsNull: true })
        {
            return;
        }

        if (node is not ConfigMapping store)
        {
            problems.Add(new ConfigProblem(node.Span, "'" + section + "' must be a mapping such as {type: default, data_path: …}, not " + node.KindName + ".", null));
            return;
        }

        ReportUnknownKeys(store, "'" + section + "'", TaskKeys.Datastore, problems);
        CheckDatastoreValue(store, section, "type", TaskKeys.DatastoreType, "the only datastore type so far", problems);
        CheckDatastoreValue(store, section, "output_data_format", TaskKeys.DatastoreFormat, "the only format so far", problems);
        if (store.TryGetValue("data_path", out var path) && path is not ConfigScalar)
        {
            problems.Add(new ConfigProblem(path.Span, "'data_path' of '" + section + "' must be text, not " + path.KindName + ".", null));
        }
    }

    private static void CheckDatastoreValue(ConfigMapping store, string section, string key, string only, string why, List<ConfigProblem> problems)
    {
        if (!store.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true } || node is ConfigScalar { Value: var value } && value == only)
        {
            return;
        }

        var actual = node is ConfigScalar text ? "'" + text.Value + "'" : node.KindName;
        problems.Add(new ConfigProblem(node.Span, "'" + key + "' of '" + section + "' must be '" + only + "' (" + why + "), not " + actual + ".", null));
    }

    private static void ReportUnknownKeys(ConfigMapping mapping, string what, IReadOnlyList<string> known, List<ConfigProblem> problems)
    {
        var sorted = new List<string>(known);
        sorted.Sort(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key.Value;
            if (!Contains(known, key))
            {
                problems.Add(new ConfigProblem(entry.Key.Span, "Unknown key '" + key + "' in " + what + "." + Suggestions.DidYouMean(key, known),
                    "Valid keys: " + string.Join(", ", sorted) + "."));
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name) =>
        System.Linq.Enumerable.Contains(names, name, StringComparer.Ordinal);
}

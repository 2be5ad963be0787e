using System;
using System.Collections.Generic;
using System.Globalization;
using Dgt.Configuration;

namespace Dgt.Configuration.Schema;

/// <summary>
/// The checks of a task YAML that need no builder: required keys, keys misplaced at the top, and the fixed sections
/// (<c>runner_config</c>, datastores). The source generator runs them on the repository's task YAMLs at build time;
/// the program runs the same code at start-up (<see cref="ReportMisplacedRunnerKeys"/>) or the same rules through its
/// typed readers.
/// </summary>
public static class TaskShape
{
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
            RunnerValueKind.Boolean => scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE",
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

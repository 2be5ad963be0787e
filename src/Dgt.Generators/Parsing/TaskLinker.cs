using System.Collections.Generic;
using System.Linq;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Checks one task YAML against the program's builders: its <c>data_builder</c> names one, and each seed example
/// fits that builder's row record as the generated codec will read it at run time.
/// </summary>
internal static class TaskLinker
{
    public static EquatableArray<DiagnosticInfo> Link(TaskYamlSpec task, BuilderIndexSpec index)
    {
        if (task.DataBuilder is null)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var diagnostics = new List<DiagnosticInfo>();
        var builder = index.Builders.FirstOrDefault(b => b.Name == task.DataBuilder);
        if (builder is null)
        {
            var known = index.Builders.Select(b => b.Name).ToList();
            var rule = TaskRules.UnknownBuilder;
            diagnostics.Add(DiagnosticInfo.Create(rule.Id, task.DataBuilderLocation, rule.Text(
                task.DataBuilder, Suggestions.DidYouMean(task.DataBuilder, known), known.Count == 0 ? "none" : string.Join(", ", known))));
        }
        else if (builder.Rows is not null && !builder.HasSeedReader)
        {
            CheckSeeds(task, builder.Rows, diagnostics);
        }

        return diagnostics.ToEquatableArray();
    }

    /// <summary>Each seed example against the row record, by the rule start-up applies to every seed.</summary>
    private static void CheckSeeds(TaskYamlSpec task, RecordSpec rows, List<DiagnosticInfo> diagnostics)
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(task.Text, task.Path, problems);
        if (problems.Count > 0 || root is not ConfigMapping mapping || !mapping.TryGetValue("seed_examples", out var node) || node is not ConfigSequence list)
        {
            // An unreadable task, or seeds of the wrong shape, are reported by the task's own checks.
            return;
        }

        var fields = SchemaShapes.RowFields(rows);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (list.Items[i] is ConfigMapping row)
            {
                SeedRowCheck.Check(row, i + 1, mapping.GetScalar("task_name"), rows.Name, fields, problems);
            }
        }

        diagnostics.AddRange(problems.Select(p => ConfigDiagnostics.From(p, DiagnosticIds.InvalidTaskYaml)));
    }
}

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
            foreach (var seed in task.Seeds)
            {
                CheckSeed(seed, builder.Rows, diagnostics);
            }
        }

        return diagnostics.ToEquatableArray();
    }

    private static void CheckSeed(SeedRowSpec seed, RecordSpec rows, List<DiagnosticInfo> diagnostics)
    {
        var properties = SeedProperties(rows);
        var validKeys = properties.SelectMany(p => new[] { p.Key }.Concat(p.Aliases)).ToList();
        var number = seed.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var value in seed.Values.Where(v => !validKeys.Contains(v.Key)))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.SeedUnknownKey.Id,
                value.KeyLocation,
                number,
                value.Key,
                rows.Name,
                Suggestions.DidYouMean(value.Key, validKeys),
                string.Join(", ", validKeys)));
        }

        foreach (var property in properties)
        {
            var value = seed.Values.FirstOrDefault(v => v.Key == property.Key || property.Aliases.Contains(v.Key));
            if (value is null)
            {
                if (property.IsRequired)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.SeedMissingProperty.Id, seed.Location, number, property.Key, rows.Name, property.Expected));
                }

                continue;
            }

            if (value.Kind == YamlValueKind.Null)
            {
                // An empty optional value keeps the record's default, as the codec does; an empty required one cannot.
                if (property.IsRequired)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.SeedWrongValue.Id, value.ValueLocation, value.Key, number, property.Expected, "empty"));
                }

                continue;
            }

            if (ValueFit.Problem(property, value) is { } problem)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.SeedWrongValue.Id, problem.Location, value.Key, number, property.Expected, problem.Actual));
            }
        }
    }

    /// <summary>The record's properties and the two every row has, which the codec reads before them.</summary>
    private static List<PropertySpec> SeedProperties(RecordSpec rows)
    {
        var none = EquatableArray<string>.Empty;
        var members = EquatableArray<EnumMemberSpec>.Empty;
        var all = new List<PropertySpec>
        {
            new("TaskName", "task_name", none, ValueKind.String, "string", false, false, members, null, "text"),
            new("IsSeed", "is_seed", none, ValueKind.Boolean, "bool", false, false, members, null, "true or false"),
        };
        all.AddRange(rows.Properties);
        return all;
    }
}

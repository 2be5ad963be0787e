using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>
/// Whether a seed example fits the builder's row record as its generated codec reads it: no key the record lacks,
/// every required field given, every value of its field's kind. The build runs it on the seed examples of the
/// repository's task YAMLs; start-up on every seed (inline or from a seed datastore) before instantiating it.
/// </summary>
public static class SeedRowCheck
{
    /// <summary>
    /// Adds the problems of seed example <paramref name="number"/> (1-based) of task <paramref name="taskName"/> (when
    /// known) to <paramref name="problems"/>. <paramref name="fields"/> are the row's fields as the codec reads them,
    /// <c>task_name</c> and <c>is_seed</c> included.
    /// </summary>
    public static void Check(
        ConfigMapping row, int number, string? taskName, string recordName, IReadOnlyList<OptionShape> fields, List<ConfigProblem> problems)
    {
        var seed = number.ToString(CultureInfo.InvariantCulture);
        var validKeys = fields.SelectMany(f => new[] { f.Key }.Concat(f.Aliases)).ToList();
        foreach (var entry in row.Entries.Where(e => !validKeys.Contains(e.Key.Value)))
        {
            TaskRules.SeedUnknownKey.Report(problems, entry.Key.Span, seed, entry.Key.Value, recordName,
                Suggestions.DidYouMean(entry.Key.Value, validKeys), string.Join(", ", validKeys));
        }

        var rowSpan = row.Entries.Count > 0 ? row.Entries[0].Key.Span : row.Span;
        foreach (var field in fields)
        {
            var entry = row.Entries.FirstOrDefault(e => e.Key.Value == field.Key || field.Aliases.Contains(e.Key.Value));
            if (entry is null)
            {
                if (field.IsRequired)
                {
                    TaskRules.SeedMissingField.Report(problems, rowSpan, seed, field.Key, recordName, field.Expected);
                }

                continue;
            }

            if (entry.Value is ConfigScalar { IsNull: true })
            {
                // An empty optional value keeps the record's default, as the codec does; an empty required one cannot.
                if (field.IsRequired)
                {
                    TaskRules.SeedWrongValue.Report(problems, entry.Value.Span, entry.Key.Value, seed, field.Expected, "empty");
                }

                continue;
            }

            if (ValueCheck.Misfit(field, entry.Value) is { } misfit)
            {
                TaskRules.SeedWrongValue.Report(problems, misfit.Span, entry.Key.Value, seed, field.Expected, misfit.Actual);
            }
            else if (field.Key == "task_name" && taskName is not null && entry.Value is ConfigScalar named && named.Value != taskName)
            {
                // Generated rows inherit their inputs' task_name, and the loop routes rows to tasks by it.
                TaskRules.SeedOfAnotherTask.Report(problems, named.Span, seed, named.Value, taskName);
            }
        }
    }
}

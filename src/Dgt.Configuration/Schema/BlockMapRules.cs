using System.Collections.Generic;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>
/// A block's <c>input_map</c> (row field → block field) and <c>output_map</c> (block field → row field) against the
/// fields its type declares and the fields of the builder's rows.
/// </summary>
public static class BlockMapRules
{
    /// <summary>Adds a problem for every map entry naming a field that does not exist on its side.</summary>
    public static void Check(BlockDeclaration block, BuilderShape? builder, bool isPostprocessor, List<ConfigProblem> problems)
    {
        var before = problems.Count;
        var rows = builder?.RowTypeName;
        var rowFields = builder?.RowFields;
        var inputs = block.Shape.InputFields;
        var outputs = block.Shape.OutputFields;
        foreach (var entry in Entries(block.Source, "input_map"))
        {
            if (inputs is not null && !inputs.Contains(entry.Value.Value))
            {
                OptionRules.UnreadBlockField.Report(problems, entry.Value.Span,
                    block.Name, entry.Value.Value, block.Type, Suggestions.DidYouMean(entry.Value.Value, inputs), List(inputs));
            }
            else if (rowFields is not null && !rowFields.Contains(entry.Key.Value))
            {
                OptionRules.UnknownInputRowField.Report(problems, entry.Key.Span,
                    block.Name, entry.Key.Value, rows!, Suggestions.DidYouMean(entry.Key.Value, rowFields), List(rowFields));
            }
        }

        foreach (var entry in Entries(block.Source, "output_map"))
        {
            if (outputs is not null && !outputs.Contains(entry.Key.Value))
            {
                OptionRules.UnwrittenBlockField.Report(problems, entry.Key.Span,
                    block.Name, entry.Key.Value, block.Type, Suggestions.DidYouMean(entry.Key.Value, outputs), List(outputs));
            }
            else if (rowFields is not null && !rowFields.Contains(entry.Value.Value))
            {
                OptionRules.UnknownOutputRowField.Report(problems, entry.Value.Span,
                    block.Name, entry.Value.Value, rows!, Suggestions.DidYouMean(entry.Value.Value, rowFields), List(rowFields));
            }
        }

        // A postprocessor reads its unmapped input fields straight from the rows, so they must exist there. After a
        // wrong map entry the author's intent is unknown, and that entry's report says enough.
        if (isPostprocessor && inputs is not null && rowFields is not null && problems.Count == before)
        {
            foreach (var input in inputs.Where(i => !block.InputMap.Values.Contains(i) && !rowFields.Contains(i)))
            {
                OptionRules.UnmappedInputMissing.Report(problems, block.Source.Span, block.Name, input, rows!);
            }
        }
    }

    private static IEnumerable<(ConfigScalar Key, ConfigScalar Value)> Entries(ConfigMapping block, string key) =>
        block.TryGetValue(key, out var node) && node is ConfigMapping map
            ? map.Entries.Where(e => e.Value is ConfigScalar { IsNull: false }).Select(e => (e.Key, (ConfigScalar)e.Value))
            : Enumerable.Empty<(ConfigScalar, ConfigScalar)>();

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}

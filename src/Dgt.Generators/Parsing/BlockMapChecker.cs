using System.Collections.Generic;
using System.Linq;
using Dgt.Configuration;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Checks a block's <c>input_map</c> (row field → block field) and <c>output_map</c> (block field → row field) against
/// the fields the block type declares with <c>[BlockFields]</c> and the fields of the builder's rows, as the runtime
/// does when it wires the block.
/// </summary>
internal static class BlockMapChecker
{
    public static void Check(
        YamlBlockSpec block, BlockTypeSpec blockType, RecordSpec? rows, bool isPostprocessor, List<DiagnosticInfo> diagnostics)
    {
        var rowFields = rows is null ? null : RowFields(rows);
        var declared = blockType.Fields;
        var before = diagnostics.Count;
        foreach (var entry in block.InputMap)
        {
            if (declared is not null && !declared.Inputs.Contains(entry.Value))
            {
                Report(diagnostics, entry.ValueLocation,
                    $"input_map of block '{block.Name}' feeds '{entry.Value}', which a '{block.Type}' block does not read." +
                    Suggestions.DidYouMean(entry.Value, declared.Inputs) + " Block fields: " + List(declared.Inputs) + ".");
            }
            else if (rowFields is not null && !rowFields.Contains(entry.Key))
            {
                Report(diagnostics, entry.KeyLocation,
                    $"input_map of block '{block.Name}' reads row field '{entry.Key}', which {rows!.Name} does not have." +
                    Suggestions.DidYouMean(entry.Key, rowFields) + " Row fields: " + List(rowFields) + ".");
            }
        }

        foreach (var entry in block.OutputMap)
        {
            if (declared is not null && !declared.Outputs.Contains(entry.Key))
            {
                Report(diagnostics, entry.KeyLocation,
                    $"output_map of block '{block.Name}' takes '{entry.Key}', which a '{block.Type}' block does not write." +
                    Suggestions.DidYouMean(entry.Key, declared.Outputs) +
                    (declared.Outputs.IsEmpty ? " It writes no fields: remove output_map." : " Block fields: " + List(declared.Outputs) + "."));
            }
            else if (rowFields is not null && !rowFields.Contains(entry.Value))
            {
                Report(diagnostics, entry.ValueLocation,
                    $"output_map of block '{block.Name}' writes row field '{entry.Value}', which {rows!.Name} does not have." +
                    Suggestions.DidYouMean(entry.Value, rowFields) + " Row fields: " + List(rowFields) + ".");
            }
        }

        // A postprocessor reads its unmapped input fields straight from the rows: they must exist there. After a wrong
        // map entry the author's intent is unknown, and that entry's report says enough.
        if (isPostprocessor && declared is not null && rowFields is not null && diagnostics.Count == before)
        {
            foreach (var input in declared.Inputs.Where(i => !block.InputMap.Any(e => e.Value == i) && !rowFields.Contains(i)))
            {
                Report(diagnostics, block.NameLocation ?? block.Location,
                    $"Block '{block.Name}' reads '{input}', but {rows!.Name} has no field '{input}'; add 'input_map: {{<row field>: {input}}}' to the block.");
            }
        }
    }

    /// <summary>The fields a row codec knows, as the runtime lists them.</summary>
    public static List<string> RowFields(RecordSpec rows) =>
        new[] { "task_name", "is_seed" }.Concat(rows.Properties.Select(p => p.Key)).ToList();

    private static string List(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }

    private static void Report(List<DiagnosticInfo> diagnostics, LocationInfo location, string message) =>
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownMapField.Id, location, message));
}

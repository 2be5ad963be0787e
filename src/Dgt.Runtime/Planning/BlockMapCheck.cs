using Dgt.Configuration;
using Dgt.Runtime.Building;

namespace Dgt.Runtime.Planning;

/// <summary>
/// The row side of every block's <c>input_map</c> (row field → block field) and <c>output_map</c> (block field → row
/// field): each row field must be one the builder's rows have. Reported at the entry itself.
/// </summary>
public static class BlockMapCheck
{
    /// <summary>Adds a problem for each map entry naming a row field not in <paramref name="rowFields"/>.</summary>
    public static void CheckRowFields(BuilderDefinition definition, IReadOnlyList<string> rowFields, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(rowFields);
        ArgumentNullException.ThrowIfNull(problems);
        var fix = "Row fields: " + string.Join(", ", rowFields) + ".";
        foreach (var block in definition.Blocks)
        {
            foreach (var entry in Entries(block.Source, "input_map").Where(e => !rowFields.Contains(e.Key.Value)))
            {
                problems.Add(new ConfigProblem(entry.Key.Span,
                    $"input_map of block '{block.Name}' reads row field '{entry.Key.Value}', which the rows do not have.{Suggestions.DidYouMean(entry.Key.Value, rowFields)}", fix));
            }

            foreach (var entry in Entries(block.Source, "output_map"))
            {
                if (entry.Value is ConfigScalar { IsNull: false } target && !rowFields.Contains(target.Value))
                {
                    problems.Add(new ConfigProblem(target.Span,
                        $"output_map of block '{block.Name}' writes row field '{target.Value}', which the rows do not have.{Suggestions.DidYouMean(target.Value, rowFields)}", fix));
                }
            }
        }
    }

    /// <summary>
    /// Adds a problem for each <c>output_map</c> entry naming a block field the block type does not declare it writes
    /// (the build makes the same check for compiled-in YAML; this covers YAML given at run time).
    /// </summary>
    public static void CheckOutputFields(BuilderDefinition definition, IReadOnlyList<BlockTypeRegistration> blockTypes, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(blockTypes);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var block in definition.Blocks)
        {
            var outputs = blockTypes.FirstOrDefault(t => t.TypeName == block.Type || t.Aliases.Contains(block.Type))?.OutputFields;
            if (outputs is null)
            {
                continue;
            }

            foreach (var entry in Entries(block.Source, "output_map").Where(e => !outputs.Contains(e.Key.Value)))
            {
                var written = outputs.Count == 0 ? $"'{block.Type}' blocks write no fields." : "It writes: " + string.Join(", ", outputs) + ".";
                problems.Add(new ConfigProblem(entry.Key.Span,
                    $"output_map of block '{block.Name}' reads block field '{entry.Key.Value}', which a '{block.Type}' block does not write.{Suggestions.DidYouMean(entry.Key.Value, outputs)}",
                    written + " Remove the entry or fix its name."));
            }
        }
    }

    private static IEnumerable<ConfigEntry> Entries(ConfigMapping block, string key) =>
        block.TryGetValue(key, out var node) && node is ConfigMapping map ? map.Entries : [];
}

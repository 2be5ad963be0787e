using System;
using System.Collections.Generic;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>A block's keys against its type's options: unknown keys, two spellings of one option, missing and misfit values.</summary>
public static class BlockOptionCheck
{
    // input_map and output_map are read by the runtime for every block, whatever its type.
    private static readonly OptionShape[] MapShapes =
    {
        new("input_map", new string[0], ValueShape.TextMap, isRequired: false, "a mapping of row fields to block fields"),
        new("output_map", new string[0], ValueShape.TextMap, isRequired: false, "a mapping of block fields to row fields"),
    };

    /// <summary>Adds a problem for every key of <paramref name="block"/> its type does not accept as written.</summary>
    public static void Check(BlockDeclaration block, List<ConfigProblem> problems)
    {
        var options = block.Shape.Options;
        var valid = options.SelectMany(o => new[] { o.Key }.Concat(o.Aliases)).Concat(BlockDeclaration.CommonKeys)
            .Distinct().OrderBy(k => k, StringComparer.Ordinal).ToList();
        foreach (var entry in block.Source.Entries.Where(e => !valid.Contains(e.Key.Value)))
        {
            OptionRules.UnknownOption.Report(problems, entry.Key.Span,
                entry.Key.Value, block.Name, block.Type, Suggestions.DidYouMean(entry.Key.Value, valid), string.Join(", ", valid));
        }

        foreach (var option in options.Concat(MapShapes))
        {
            var spellings = block.Source.Entries.Where(e => e.Key.Value == option.Key || option.Aliases.Contains(e.Key.Value)).ToList();
            foreach (var extra in spellings.Skip(1))
            {
                OptionRules.SetTwice.Report(problems, extra.Key.Span, extra.Key.Value, spellings[0].Key.Value, block.Name, block.Type, option.Key);
            }

            var value = spellings.Count == 0 ? null : spellings[0].Value;
            if (value is null || value is ConfigScalar { IsNull: true })
            {
                if (option.IsRequired && value is null)
                {
                    OptionRules.MissingOption.Report(problems, block.Source.TryGetValue("name", out var name) ? name.Span : block.Source.Span, block.Name, block.Type, option.Key, option.Expected);
                }
                else if (option.IsRequired)
                {
                    OptionRules.WrongValue.Report(problems, value!.Span, spellings[0].Key.Value, block.Name, block.Type, option.Expected, "empty");
                }

                continue;
            }

            if (ValueCheck.Misfit(option, value) is { } misfit)
            {
                OptionRules.WrongValue.Report(problems, misfit.Span, spellings[0].Key.Value, block.Name, block.Type, option.Expected, misfit.Actual);
            }
        }
    }
}

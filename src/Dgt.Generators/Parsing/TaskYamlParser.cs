using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dgt.Generators.Parsing;

/// <summary>
/// Reads the task YAMLs among the project's AdditionalFiles (metadata <c>DgtKind="task"</c>) with the runtime's YAML
/// reader and task shape checks; what depends on the builders is left to <see cref="TaskLinker"/>.
/// </summary>
internal static class TaskYamlParser
{
    private const string KindMetadata = "build_metadata.AdditionalFiles.DgtKind";

    /// <summary>Null when the file is not a task YAML.</summary>
    public static Result<TaskYamlSpec>? Parse(AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(KindMetadata, out var kind) ||
            !string.Equals(kind, "task", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return Parse(file.Path, file.GetText(cancellationToken)?.ToString() ?? "");
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return Result<TaskYamlSpec>.Of(
                new TaskYamlSpec(file.Path, null, null, EquatableArray<SeedRowSpec>.Empty),
                InternalError.Describe("reading task " + file.Path, exception, YamlSpecs.FileStart(file.Path)));
        }
    }

    public static Result<TaskYamlSpec> Parse(string path, string text)
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(text, path, problems);
        if (problems.Count == 0 && TaskShape.CheckRoot(root, path, problems) is { } task)
        {
            TaskShape.Check(task, problems);
        }

        var diagnostics = problems
            .Select(p => DiagnosticInfo.Create(DiagnosticDescriptors.InvalidTaskYaml.Id, YamlSpecs.Location(p.Span), p.Message + (p.Fix is null ? "" : " " + p.Fix)))
            .ToList();
        var mapping = root as ConfigMapping;
        var builderNode = mapping is not null && mapping.TryGetValue("data_builder", out var node) ? node as ConfigScalar : null;
        var spec = new TaskYamlSpec(
            path,
            builderNode is { IsNull: false } ? builderNode.Value : null,
            builderNode is null ? null : YamlSpecs.Location(builderNode.Span),
            ReadSeeds(mapping));
        return new Result<TaskYamlSpec>(spec, diagnostics.ToEquatableArray());
    }

    private static EquatableArray<SeedRowSpec> ReadSeeds(ConfigMapping? task)
    {
        if (task is null || !task.TryGetValue("seed_examples", out var node))
        {
            return EquatableArray<SeedRowSpec>.Empty;
        }

        if (node is not ConfigSequence list)
        {
            return EquatableArray<SeedRowSpec>.Empty;
        }

        var seeds = new List<SeedRowSpec>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            // Items that are not mappings are reported at start-up with the same words; at build time the rows are
            // what matters.
            if (list.Items[i] is ConfigMapping row)
            {
                var location = row.Entries.Count > 0 ? YamlSpecs.Location(row.Entries[0].Key.Span) : YamlSpecs.Location(row.Span);
                seeds.Add(new SeedRowSpec(i + 1, location, row.Entries.Select(YamlSpecs.Option).ToEquatableArray()));
            }
        }

        return seeds.ToEquatableArray();
    }
}

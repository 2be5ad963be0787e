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
                new TaskYamlSpec(file.Path, "", null, null),
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
            text,
            builderNode is { IsNull: false } ? builderNode.Value : null,
            builderNode is null ? null : YamlSpecs.Location(builderNode.Span));
        return new Result<TaskYamlSpec>(spec, diagnostics.ToEquatableArray());
    }
}

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
/// Reads the builder YAMLs among the project's AdditionalFiles (metadata <c>DgtKind="builder"</c>) with the runtime's own
/// YAML reader, so that the build and the program can never disagree about a file.
/// </summary>
internal static class BuilderYamlParser
{
    private const string KindMetadata = "build_metadata.AdditionalFiles.DgtKind";
    private const string ProjectDirProperty = "build_property.ProjectDir";

    // Set by a program project to its repository root, so that the paths embedded in the program (and printed in its
    // error messages) are ones a user can open from there: src/Builders/…/geography_qa.yaml.
    private const string SourceRootProperty = "build_property.DgtSourceRoot";

    /// <summary>Null when the file is not a builder YAML.</summary>
    public static Result<BuilderYamlSpec>? Parse(
        AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(KindMetadata, out var kind) ||
            !string.Equals(kind, "builder", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var root = options.GlobalOptions.TryGetValue(SourceRootProperty, out var sourceRoot) && !string.IsNullOrWhiteSpace(sourceRoot)
            ? sourceRoot
            : options.GlobalOptions.TryGetValue(ProjectDirProperty, out var projectDir) ? projectDir : null;
        var relativePath = RelativePath(file.Path, root);
        try
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? "";
            return Parse(file.Path, relativePath, text);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            var start = YamlSpecs.FileStart(file.Path);
            var skeleton = new BuilderYamlSpec(file.Path, relativePath, "", false, null, start);
            return Result<BuilderYamlSpec>.Of(skeleton, InternalError.Describe("reading " + relativePath, exception, start));
        }
    }

    /// <summary>
    /// Reads the file far enough to match it with its builder (the name) and to embed it; its rules are checked once the
    /// block types and the builder are known (<see cref="ProgramLinker"/>).
    /// </summary>
    public static Result<BuilderYamlSpec> Parse(string path, string relativePath, string text)
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(text, path, problems);
        var diagnostics = problems.Select(p => ConfigDiagnostics.From(p, DiagnosticIds.InvalidBuilderYaml)).ToList();
        var start = YamlSpecs.FileStart(path);
        if (root is null || problems.Count > 0)
        {
            var broken = new BuilderYamlSpec(path, relativePath, text, false, null, start);
            return new Result<BuilderYamlSpec>(broken, diagnostics.ToEquatableArray());
        }

        var mapping = root as ConfigMapping;
        var name = mapping?.GetScalar("name");
        var nameLocation = mapping is not null && mapping.TryGetValue("name", out var nameNode) ? YamlSpecs.Location(nameNode.Span) : start;
        var spec = new BuilderYamlSpec(path, relativePath, text, true, string.IsNullOrEmpty(name) ? null : name, nameLocation);
        return new Result<BuilderYamlSpec>(spec, diagnostics.ToEquatableArray());
    }

    private static string RelativePath(string path, string? rootDir)
    {
        var normalised = path.Replace('\\', '/');
        if (!string.IsNullOrEmpty(rootDir))
        {
            var root = rootDir!.Replace('\\', '/');
            root = root.EndsWith("/", System.StringComparison.Ordinal) ? root : root + "/";
            if (normalised.StartsWith(root, System.StringComparison.OrdinalIgnoreCase))
            {
                return normalised.Substring(root.Length);
            }
        }

        // A path outside the project would embed this machine's directories into the program: keep the file name only.
        var slash = normalised.LastIndexOf('/');
        return slash < 0 ? normalised : normalised.Substring(slash + 1);
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Dgt.Configuration;
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

    /// <summary>Null when the file is not a builder YAML.</summary>
    public static Result<BuilderYamlSpec>? Parse(
        AdditionalText file, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        if (!options.GetOptions(file).TryGetValue(KindMetadata, out var kind) ||
            !string.Equals(kind, "builder", System.StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        options.GlobalOptions.TryGetValue(ProjectDirProperty, out var projectDir);
        var relativePath = RelativePath(file.Path, projectDir);
        try
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? "";
            return Parse(file.Path, relativePath, text);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            var start = FileStart(file.Path);
            var skeleton = new BuilderYamlSpec(file.Path, relativePath, "", false, null, start, start, EquatableArray<YamlBlockSpec>.Empty);
            return Result<BuilderYamlSpec>.Of(skeleton, InternalError.Describe("reading " + relativePath, exception, start));
        }
    }

    public static Result<BuilderYamlSpec> Parse(string path, string relativePath, string text)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(text, path, problems);
        foreach (var problem in problems)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidYaml, problem.Span, problem.Message + (problem.Fix is null ? "" : " " + problem.Fix)));
        }

        var start = FileStart(path);
        if (root is not ConfigMapping mapping)
        {
            if (problems.Count == 0)
            {
                var span = root?.Span ?? SourceSpan.StartOf(path);
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidYaml, span,
                    "A builder YAML must be a mapping with 'name:' and 'blocks:', not " + (root?.KindName ?? "an empty file") + "."));
            }

            var broken = new BuilderYamlSpec(path, relativePath, text, false, null, start, start, EquatableArray<YamlBlockSpec>.Empty);
            return new Result<BuilderYamlSpec>(broken, diagnostics.ToEquatableArray());
        }

        var name = mapping.GetScalar("name");
        var nameLocation = mapping.TryGetValue("name", out var nameNode) ? ToLocation(nameNode.Span) : start;
        if (string.IsNullOrEmpty(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlWithoutName.Id, nameLocation));
        }

        var blocksLocation = mapping.TryGetEntry("blocks", out var blocksEntry) ? ToLocation(blocksEntry.Key.Span) : start;
        var blocks = ReadBlocks(blocksEntry?.Value, diagnostics);
        var spec = new BuilderYamlSpec(
            path, relativePath, text, true, string.IsNullOrEmpty(name) ? null : name, nameLocation, blocksLocation, blocks);
        return new Result<BuilderYamlSpec>(spec, diagnostics.ToEquatableArray());
    }

    private static EquatableArray<YamlBlockSpec> ReadBlocks(ConfigNode? blocksNode, List<DiagnosticInfo> diagnostics)
    {
        if (blocksNode is null or ConfigScalar { IsNull: true })
        {
            return EquatableArray<YamlBlockSpec>.Empty;
        }

        if (blocksNode is not ConfigSequence sequence)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedBlock, blocksNode.Span,
                "'blocks:' must be a list of blocks ('- name: …' entries), not " + blocksNode.KindName + "."));
            return EquatableArray<YamlBlockSpec>.Empty;
        }

        var blocks = new List<YamlBlockSpec>();
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var item in sequence.Items)
        {
            if (item is not ConfigMapping entry)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedBlock, item.Span,
                    "Each entry of 'blocks:' must be a mapping with 'name:' and 'type:', not " + item.KindName + "."));
                continue;
            }

            var block = ReadBlock(entry, diagnostics);
            if (block.Name is not null && !names.Add(block.Name))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateYamlBlock.Id, block.NameLocation, block.Name));
            }

            blocks.Add(block);
        }

        return blocks.ToEquatableArray();
    }

    private static YamlBlockSpec ReadBlock(ConfigMapping entry, List<DiagnosticInfo> diagnostics)
    {
        var name = entry.GetScalar("name");
        var type = entry.GetScalar("type");
        var nameLocation = entry.TryGetValue("name", out var nameNode) ? ToLocation(nameNode.Span) : null;
        var typeLocation = entry.TryGetValue("type", out var typeNode) ? ToLocation(typeNode.Span) : null;
        if (name is null || name.Length == 0)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedBlock, nameNode?.Span ?? entry.Span,
                "This block has no 'name:'; add 'name: <field name>' so that the builder can refer to it."));
        }
        else if (type is null || type.Length == 0)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedBlock, typeNode?.Span ?? nameNode!.Span,
                "Block '" + name + "' has no 'type:'; add 'type: <block type>', e.g. 'type: ollama'."));
        }

        var options = entry.Entries
            .Where(e => e.Key.Value is not ("name" or "type"))
            .Select(ReadOption)
            .ToEquatableArray();
        return new YamlBlockSpec(
            string.IsNullOrEmpty(name) ? null : name,
            nameLocation,
            string.IsNullOrEmpty(type) ? null : type,
            typeLocation,
            ToLocation(entry.Span),
            options);
    }

    private static YamlOptionSpec ReadOption(ConfigEntry entry)
    {
        var value = entry.Value;
        var (kind, text) = value switch
        {
            ConfigScalar { IsNull: true } => (YamlValueKind.Null, ""),
            ConfigScalar scalar => (YamlValueKind.Scalar, scalar.Value),
            ConfigSequence => (YamlValueKind.Sequence, ""),
            _ => (YamlValueKind.Mapping, ""),
        };
        var nested = value switch
        {
            ConfigSequence sequence => sequence.Items.FirstOrDefault(i => i is not ConfigScalar),
            ConfigMapping mapping => mapping.Entries.Select(e => e.Value).FirstOrDefault(v => v is not ConfigScalar),
            _ => null,
        };
        return new YamlOptionSpec(
            entry.Key.Value,
            ToLocation(entry.Key.Span),
            kind,
            text,
            ToLocation(value.Span),
            nested is null ? null : new YamlNestedProblem(nested.KindName, ToLocation(nested.Span)));
    }

    private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        DiagnosticInfo.Create(descriptor.Id, ToLocation(span), message);

    private static LocationInfo ToLocation(SourceSpan span) => new(
        span.File,
        span.Start,
        System.Math.Max(0, span.End - span.Start),
        span.Line - 1,
        span.Column - 1,
        span.EndLine - 1,
        span.EndColumn - 1);

    private static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);

    private static string RelativePath(string path, string? projectDir)
    {
        var normalised = path.Replace('\\', '/');
        if (!string.IsNullOrEmpty(projectDir))
        {
            var root = projectDir!.Replace('\\', '/');
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

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
            var skeleton = new BuilderYamlSpec(
                file.Path, relativePath, "", false, null, start, start, EquatableArray<YamlBlockSpec>.Empty, EquatableArray<YamlPostprocessorSpec>.Empty);
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

        var start = YamlSpecs.FileStart(path);
        if (root is not ConfigMapping mapping)
        {
            if (problems.Count == 0)
            {
                var span = root?.Span ?? SourceSpan.StartOf(path);
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.InvalidYaml, span,
                    "A builder YAML must be a mapping with 'name:' and 'blocks:', not " + (root?.KindName ?? "an empty file") + "."));
            }

            var broken = new BuilderYamlSpec(
                path, relativePath, text, false, null, start, start, EquatableArray<YamlBlockSpec>.Empty, EquatableArray<YamlPostprocessorSpec>.Empty);
            return new Result<BuilderYamlSpec>(broken, diagnostics.ToEquatableArray());
        }

        var name = mapping.GetScalar("name");
        var nameLocation = mapping.TryGetValue("name", out var nameNode) ? YamlSpecs.Location(nameNode.Span) : start;
        if (string.IsNullOrEmpty(name))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlWithoutName.Id, nameLocation));
        }

        var blocksLocation = mapping.TryGetEntry("blocks", out var blocksEntry) ? YamlSpecs.Location(blocksEntry.Key.Span) : start;
        var blocks = ReadBlocks(blocksEntry?.Value, diagnostics);
        var postprocessors = ReadPostprocessors(mapping.TryGetValue("postprocessors", out var list) ? list : null, diagnostics);
        var spec = new BuilderYamlSpec(
            path, relativePath, text, true, string.IsNullOrEmpty(name) ? null : name, nameLocation, blocksLocation, blocks, postprocessors);
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
        var nameLocation = entry.TryGetValue("name", out var nameNode) ? YamlSpecs.Location(nameNode.Span) : null;
        var typeLocation = entry.TryGetValue("type", out var typeNode) ? YamlSpecs.Location(typeNode.Span) : null;
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
            .Select(YamlSpecs.Option)
            .ToEquatableArray();
        return new YamlBlockSpec(
            string.IsNullOrEmpty(name) ? null : name,
            nameLocation,
            string.IsNullOrEmpty(type) ? null : type,
            typeLocation,
            YamlSpecs.Location(entry.Span),
            options,
            ReadMap(entry, "input_map"),
            ReadMap(entry, "output_map"));
    }

    /// <summary>The scalar entries of a block's map; a map of the wrong shape is an option value problem, reported elsewhere.</summary>
    private static EquatableArray<YamlMapEntrySpec> ReadMap(ConfigMapping block, string key) =>
        block.TryGetValue(key, out var node) && node is ConfigMapping map
            ? map.Entries
                .Where(e => e.Value is ConfigScalar { IsNull: false })
                .Select(e => new YamlMapEntrySpec(e.Key.Value, YamlSpecs.Location(e.Key.Span), ((ConfigScalar)e.Value).Value, YamlSpecs.Location(e.Value.Span)))
                .ToEquatableArray()
            : EquatableArray<YamlMapEntrySpec>.Empty;

    private static EquatableArray<YamlPostprocessorSpec> ReadPostprocessors(ConfigNode? node, List<DiagnosticInfo> diagnostics)
    {
        if (node is null or ConfigScalar { IsNull: true })
        {
            return EquatableArray<YamlPostprocessorSpec>.Empty;
        }

        if (node is not ConfigSequence sequence)
        {
            diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedPostprocessor, node.Span,
                "'postprocessors:' must be a list of '- name: <block name>' entries, not " + node.KindName + "."));
            return EquatableArray<YamlPostprocessorSpec>.Empty;
        }

        var postprocessors = new List<YamlPostprocessorSpec>();
        foreach (var item in sequence.Items)
        {
            // The runtime accepts '- dedup' as well as '- name: dedup'.
            var nameNode = item switch
            {
                ConfigMapping entry when entry.TryGetValue("name", out var value) => value,
                ConfigScalar { IsNull: false } scalar => scalar,
                _ => null,
            };
            if (nameNode is not ConfigScalar { IsNull: false } name)
            {
                diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedPostprocessor, item.Span,
                    "A postprocessor needs 'name: <block name>' naming one of the blocks."));
                continue;
            }

            if (item is ConfigMapping withKeys)
            {
                foreach (var extra in withKeys.Entries.Where(e => e.Key.Value != "name"))
                {
                    diagnostics.Add(Diagnostic(DiagnosticDescriptors.MalformedPostprocessor, extra.Key.Span,
                        "Unknown key '" + extra.Key.Value + "' in postprocessor '" + name.Value + "'; a postprocessor takes only 'name:' " +
                        "(set the block's options under 'blocks:')."));
                }
            }

            postprocessors.Add(new YamlPostprocessorSpec(name.Value, YamlSpecs.Location(name.Span)));
        }

        return postprocessors.ToEquatableArray();
    }

    private static DiagnosticInfo Diagnostic(DiagnosticDescriptor descriptor, SourceSpan span, string message) =>
        DiagnosticInfo.Create(descriptor.Id, YamlSpecs.Location(span), message);

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

using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>An AdditionalFiles item with its <c>DgtKind</c> metadata, as MSBuild hands it to the compiler.</summary>
internal sealed class TestAdditionalText(string path, string text, string? kind = "builder") : AdditionalText
{
    public override string Path { get; } = path;

    public string? Kind { get; } = kind;

    public string Text { get; } = text;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(Text);
}

/// <summary>The analyzer options a project build would give: global properties and per-file metadata.</summary>
internal sealed class TestOptionsProvider(IReadOnlyDictionary<string, string> global) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        textFile is TestAdditionalText { Kind: { } kind }
            ? new Options(new Dictionary<string, string> { ["build_metadata.AdditionalFiles.DgtKind"] = kind })
            : Options.Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, out string value)
        {
            var found = values.TryGetValue(key, out var text);
            value = text ?? "";
            return found;
        }
    }
}

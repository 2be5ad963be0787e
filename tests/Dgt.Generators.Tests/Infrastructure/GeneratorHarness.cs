extern alias generator;

using System.Collections.Immutable;
using Dgt.Runtime.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using BlockFieldAnalyzer = generator::Dgt.Generators.Analyzers.BlockFieldAnalyzer;
using BuilderDeclarationAnalyzer = generator::Dgt.Generators.Analyzers.BuilderDeclarationAnalyzer;
using DataBuilderGenerator = generator::Dgt.Generators.DataBuilderGenerator;

namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>A project as the generator sees it: C# sources, YAML files, properties, references.</summary>
internal sealed record TestProject
{
    public required string AssemblyName { get; init; }

    public string RootNamespace { get; init; } = "";

    public string ProjectDir { get; init; } = "/project/";

    /// <summary>The <c>DgtSourceRoot</c> property; empty when the project does not set it.</summary>
    public string SourceRoot { get; init; } = "";

    public IReadOnlyList<(string Path, string Text)> Sources { get; init; } = [];

    public IReadOnlyList<TestAdditionalText> AdditionalTexts { get; init; } = [];

    public IReadOnlyList<MetadataReference> ExtraReferences { get; init; } = [];
}

/// <summary>The outcome of running the generator over a <see cref="TestProject"/>.</summary>
internal sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<(string HintName, string Source)> GeneratedSources)
{
    /// <summary>What the analyzers report on the compilation with the generated code, as a build would.</summary>
    public IReadOnlyList<Diagnostic> AnalyzerDiagnostics =>
        Output.WithAnalyzers(GeneratorHarness.Analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Generator and analyzer diagnostics together: everything the Dgt assembly reports.</summary>
    public IEnumerable<Diagnostic> AllDgtDiagnostics => GeneratorDiagnostics.Concat(AnalyzerDiagnostics);

    public IEnumerable<Diagnostic> OutputErrors =>
        Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The compiled output; fails the test with the compiler's errors when it does not compile.</summary>
    public byte[] Emit()
    {
        using var stream = new MemoryStream();
        var result = Output.Emit(stream);
        Assert.True(result.Success, "The generated code does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return stream.ToArray();
    }
}

/// <summary>Drives the generator directly with <see cref="CSharpGeneratorDriver"/>.</summary>
internal static class GeneratorHarness
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>The implicit usings of an SDK project, which the real builders rely on.</summary>
    public const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>
    /// The framework and Dgt.Abstractions. Not Dgt.Runtime: its built-in blocks would clash with the sample block
    /// library that stands in for them with options of every kind.
    /// </summary>
    public static IReadOnlyList<MetadataReference> BaseReferences { get; } = LoadBaseReferences();

    /// <summary>Dgt.Runtime, for projects that use the real built-in blocks instead of the sample library.</summary>
    public static MetadataReference RuntimeReference { get; } =
        MetadataReference.CreateFromFile(typeof(Dgt.Runtime.Configuration.YamlConfigMap).Assembly.Location);

    /// <summary>The analyzers shipped in the generator assembly.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } =
        [new BuilderDeclarationAnalyzer(), new BlockFieldAnalyzer()];

    public static CSharpCompilation Compile(TestProject project) =>
        CSharpCompilation.Create(
            project.AssemblyName,
            project.Sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, ParseOptions, s.Path)),
            [.. BaseReferences, .. project.ExtraReferences],
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    public static GeneratorDriver CreateDriver(TestProject project) =>
        CSharpGeneratorDriver.Create(
            [new DataBuilderGenerator().AsSourceGenerator()],
            project.AdditionalTexts,
            ParseOptions,
            new TestOptionsProvider(new Dictionary<string, string>
            {
                ["build_property.RootNamespace"] = project.RootNamespace,
                ["build_property.ProjectDir"] = project.ProjectDir,
                ["build_property.DgtSourceRoot"] = project.SourceRoot,
            }),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(TestProject project)
    {
        var input = Compile(project);
        var driver = CreateDriver(project).RunGeneratorsAndUpdateCompilation(input, out var output, out var diagnostics);
        var generated = driver.GetRunResult().Results.SelectMany(r => r.GeneratedSources)
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();
        return new GeneratorRun(input, output, driver, diagnostics, generated);
    }

    private static IReadOnlyList<MetadataReference> LoadBaseReferences()
    {
        // The shared framework only: the test's own dependencies (the generator among them) must not leak in.
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal));
        var dgt = new[] { typeof(DataPoint).Assembly.Location };
        return [.. framework.Concat(dgt).Select(p => MetadataReference.CreateFromFile(p))];
    }
}

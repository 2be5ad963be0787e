using System.Collections.Immutable;
using System.Linq;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Emitting;
using Dgt.Generators.Parsing;
using Dgt.Generators.Specs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Dgt.Generators;

/// <summary>Wires the pipeline: builders, block types and YAML files in; registry, bindings and codecs out.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataBuilderGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root) ? root : null)
            .Combine(context.CompilationProvider.Select(static (compilation, _) => compilation.AssemblyName))
            .Select(static (names, _) => ProjectParser.Parse(names.Left, names.Right))
            .WithTrackingName(TrackingNames.Project);

        var builders = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.DataBuilderAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                BuilderParser.Parse)
            .WithTrackingName(TrackingNames.Builders);

        var blockTypes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.BlockTypeAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                BlockTypeParser.Parse)
            .WithTrackingName(TrackingNames.BlockTypes);

        var builderYamls = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => BuilderYamlParser.Parse(pair.Left, pair.Right, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.BuilderYamls);

        var references = context.CompilationProvider
            .Select(ReferencedLibraryParser.Parse)
            .WithTrackingName(TrackingNames.ReferencedLibraries);

        var catalog = blockTypes.Collect()
            .Combine(project)
            .Select(static (pair, _) => CatalogLinker.Link(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.Catalog);

        var program = builders.Collect()
            .Combine(builderYamls.Collect())
            .Combine(references)
            .Combine(catalog)
            .Combine(project)
            .Select(static (all, _) => ProgramLinker.Link(
                all.Left.Left.Left.Left,
                all.Left.Left.Left.Right,
                all.Left.Left.Right.Value ?? new ReferencedLibrariesSpec(EquatableArray<BlockLibrarySpec>.Empty),
                all.Left.Right.Value,
                all.Right))
            .WithTrackingName(TrackingNames.Program);

        var taskYamls = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => TaskYamlParser.Parse(pair.Left, pair.Right, cancellationToken))
            .Where(static result => result is not null)
            .Select(static (result, _) => result!)
            .WithTrackingName(TrackingNames.TaskYamls);

        var builderIndex = builders.Collect()
            .Select(static (all, _) => new BuilderIndexSpec(all
                .Select(r => r.Value)
                .OfType<BuilderSpec>()
                .Where(b => b.Name.Length > 0)
                .Select(b => new IndexedBuilderSpec(b.Name, b.Data, b.HasSeedReader))
                .OrderBy(b => b.Name, System.StringComparer.Ordinal)
                .ToEquatableArray()))
            .WithTrackingName(TrackingNames.BuilderIndex);

        // One check per task file: editing one task YAML re-checks that file only.
        var taskChecks = taskYamls
            .Combine(builderIndex)
            .Select(static (pair, _) => pair.Left.Value is { } task ? TaskLinker.Link(task, pair.Right) : EquatableArray<DiagnosticInfo>.Empty)
            .WithTrackingName(TrackingNames.TaskChecks);

        ReportDiagnostics(context, builders.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, taskYamls.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, taskChecks);
        ReportDiagnostics(context, blockTypes.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, builderYamls.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, references.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, catalog.Select(static (r, _) => r.Diagnostics));
        ReportDiagnostics(context, program.Select(static (r, _) => r.Diagnostics));

        context.RegisterSourceOutput(
            builders.Select(static (r, _) => r.Value).Where(static b => b is { CanGenerate: true }),
            static (output, builder) => Emit(output, "writing the block binding of " + builder!.Type.Name, () =>
                output.AddSource(BlockHostEmitter.HintName(builder), BlockHostEmitter.Emit(builder))));

        context.RegisterSourceOutput(
            catalog.Select(static (r, _) => r.Value).Combine(project),
            static (output, pair) => EmitCatalog(output, pair.Left, pair.Right));

        context.RegisterSourceOutput(
            program.Select(static (r, _) => r.Value),
            static (output, spec) => EmitProgram(output, spec));
    }

    private static void ReportDiagnostics(
        IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
        context.RegisterSourceOutput(diagnostics, static (output, found) => Report(output, found));

    private static void ReportDiagnostics(
        IncrementalGeneratorInitializationContext context, IncrementalValueProvider<EquatableArray<DiagnosticInfo>> diagnostics) =>
        context.RegisterSourceOutput(diagnostics, static (output, found) => Report(output, found));

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> found)
    {
        foreach (var diagnostic in found)
        {
            output.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.Find(diagnostic.Id),
                diagnostic.Location?.ToLocation() ?? Location.None,
                diagnostic.Arguments.Cast<object>().ToArray()));
        }
    }

    private static void EmitCatalog(SourceProductionContext output, BlockCatalogSpec? catalog, ProjectSpec project)
    {
        if (catalog is null)
        {
            return;
        }

        Emit(output, "writing the block catalog", () =>
        {
            foreach (var (hintName, source) in BlockCatalogEmitter.Emit(catalog))
            {
                output.AddSource(hintName, source);
            }
        },
        skeleton: () => output.AddSource(BlockCatalogEmitter.CatalogClass + ".g.cs", BlockCatalogEmitter.EmitSkeleton(project.GeneratedNamespace)));
    }

    private static void EmitProgram(SourceProductionContext output, ProgramSpec? program)
    {
        if (program is null)
        {
            return;
        }

        Emit(output, "writing the registry", () =>
        {
            output.AddSource(RegistryEmitter.RegistryHintName, RegistryEmitter.EmitRegistry(program));
            output.AddSource(RegistryEmitter.YamlsHintName, RegistryEmitter.EmitYamls(program));
            foreach (var codec in program.Codecs)
            {
                output.AddSource(codec.Name + ".g.cs", RowCodecEmitter.Emit(program.Namespace, codec));
            }
        },
        skeleton: () => output.AddSource(
            RegistryEmitter.RegistryHintName,
            RegistryEmitter.EmitRegistry(new ProgramSpec(program.Namespace, EquatableArray<RegisteredBuilderSpec>.Empty, EquatableArray<CodecSpec>.Empty, program.Catalogs))));
    }

    /// <summary>
    /// Runs one emission; a failure becomes DGT9999 and, where code elsewhere depends on the output, a skeleton that
    /// still compiles.
    /// </summary>
    private static void Emit(SourceProductionContext output, string activity, System.Action emit, System.Action? skeleton = null)
    {
        try
        {
            emit();
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            Report(output, ImmutableArray.Create(InternalError.Describe(activity, exception, null)).ToEquatableArray());
            skeleton?.Invoke();
        }
    }
}

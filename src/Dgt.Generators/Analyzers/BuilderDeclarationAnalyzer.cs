using System.Collections.Immutable;
using System.Linq;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dgt.Generators.Analyzers;

/// <summary>
/// The C#-only rules of a <c>[DataBuilder]</c> class: partial (with every containing type), derived from the
/// generation base, over a row record that is a <c>DataPoint</c>. An analyzer, not the generator, reports them: they
/// need no YAML, and editors show analyzer results as the author types.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BuilderDeclarationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.BuilderNotPartial, DiagnosticDescriptors.BuilderWithoutBase, DiagnosticDescriptors.RecordNotDataPoint);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var builder = (INamedTypeSymbol)context.Symbol;
        if (builder.FindAttribute(KnownNames.DataBuilderAttribute) is null)
        {
            return;
        }

        var at = builder.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
        foreach (var type in BuilderRules.NonPartialTypes(builder))
        {
            var isBuilder = SymbolEqualityComparer.Default.Equals(type, builder);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.BuilderNotPartial,
                isBuilder ? at : type.Locations.FirstOrDefault(l => l.IsInSource) ?? at,
                type.ForMessages(),
                isBuilder ? "" : " (it contains the builder " + builder.Name + ")"));
        }

        var data = BuilderRules.FindDataType(builder);
        if (data is null)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BuilderWithoutBase, at, builder.ForMessages()));
        }
        else if (data.TypeKind != TypeKind.TypeParameter && data.TypeKind != TypeKind.Error && !BuilderRules.IsDataPoint(data))
        {
            var recordAt = data.Locations.FirstOrDefault(l => l.IsInSource) ?? at;
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RecordNotDataPoint, recordAt, data.ForMessages(), builder.Name));
        }
    }
}

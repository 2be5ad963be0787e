using System.Collections.Immutable;
using System.Linq;
using Dgt.Generators.Diagnostics;
using Dgt.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Dgt.Generators.Analyzers;

/// <summary>
/// <c>[Block]</c> on a field that cannot receive a block: a type that is not a block, a static or a readonly field.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockFieldAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedBlockField);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterSymbolAction(Analyze, SymbolKind.Field);
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var field = (IFieldSymbol)context.Symbol;
        if (field.FindAttribute(KnownNames.BlockAttribute) is null || BuilderRules.BlockFieldProblem(field) is not { } problem)
        {
            return;
        }

        var at = field.Locations.FirstOrDefault(l => l.IsInSource) ?? Location.None;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnsupportedBlockField, at, field.Name, problem));
    }
}

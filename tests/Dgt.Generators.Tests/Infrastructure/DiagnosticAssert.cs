using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>Checks a diagnostic by ID, file, 1-based line and column, and the text its span covers.</summary>
internal static class DiagnosticAssert
{
    public static Diagnostic Single(
        IEnumerable<Diagnostic> diagnostics, string id, string path, int line, int column, string spanText, IReadOnlyDictionary<string, string> files)
    {
        var all = diagnostics.ToList();
        var matching = all.Where(d => d.Id == id).ToList();
        Assert.True(matching.Count == 1, $"Expected one {id}, got:\n{string.Join("\n", all)}");
        var diagnostic = matching[0];
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
        var text = files[path];
        Assert.Equal(spanText, text.Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        return diagnostic;
    }
}

using Dgt.Configuration;
using Dgt.Runtime.Configuration;

namespace Dgt.Runtime.Reporting;

/// <summary>Prints configuration problems the way compilers do: location, message, the line itself, and the fix.</summary>
public static class ProblemPrinter
{
    /// <summary>Writes every problem, sorted by file and position, then a count.</summary>
    public static void Print(IReadOnlyCollection<ConfigProblem> problems, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(writer);
        var lines = new Dictionary<string, string[]?>(StringComparer.Ordinal);
        foreach (var problem in problems.OrderBy(p => p.Span.File, StringComparer.Ordinal).ThenBy(p => p.Span.Line).ThenBy(p => p.Span.Column))
        {
            writer.WriteLine(Printable($"{problem.Span}: error: {problem.Message}"));
            var source = SourceLine(problem.Span, lines);
            if (source is not null)
            {
                // A password in an address in the line is starred out, letter for letter so the caret still points right.
                writer.WriteLine("    " + Printable(AddressUserInfo.StarOut(source)));
                writer.WriteLine("    " + new string(' ', Math.Max(0, problem.Span.Column - 1)) + new string('^', Math.Max(1, Math.Min(source.Length - problem.Span.Column + 1, problem.Span.EndLine == problem.Span.Line ? problem.Span.EndColumn - problem.Span.Column : 1))));
            }

            if (problem.Fix is not null)
            {
                writer.WriteLine("    fix: " + Printable(problem.Fix));
            }
        }

        writer.WriteLine(problems.Count == 1 ? "1 error; nothing was run or written." : $"{problems.Count} errors; nothing was run or written.");
    }

    /// <summary>Control characters from a hostile file must not reach the terminal, where they could rewrite it.</summary>
    private static string Printable(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c == '\t' ? ' ' : char.IsControl(c) ? '\uFFFD' : c;
            }
        });

    private static string? SourceLine(SourceSpan span, Dictionary<string, string[]?> cache)
    {
        if (!cache.TryGetValue(span.File, out var fileLines))
        {
            try
            {
                fileLines = File.Exists(span.File) && new FileInfo(span.File).Length < 4 * 1024 * 1024 ? File.ReadAllLines(span.File) : null;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                fileLines = null;
            }

            cache[span.File] = fileLines;
        }

        return fileLines is not null && span.Line >= 1 && span.Line <= fileLines.Length && span.Column <= fileLines[span.Line - 1].Length + 1
            ? fileLines[span.Line - 1].TrimEnd()
            : null;
    }
}

using System.Text.RegularExpressions;
using Dgt.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests;

/// <summary>
/// Every build-time case of the broken-input corpus (tests/BrokenInputs/build): the generator and the analyzers report
/// exactly the expected diagnostics, each in the expected file at the expected line and column.
/// </summary>
public sealed partial class BrokenInputCorpusTests
{
    private const string ProjectRoot = "/project/";

    private static string CorpusDirectory => Path.Combine(Repository.Root, "tests", "BrokenInputs", "build");

    public static TheoryData<string> Cases()
    {
        var cases = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(CorpusDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (!name.StartsWith('_'))
            {
                cases.Add(name);
            }
        }

        return cases;
    }

    [Fact]
    public void The_corpus_covers_at_least_twenty_build_time_mistakes() => Assert.True(Cases().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_broken_input_is_reported_where_it_is_written(string caseName)
    {
        var files = CaseFiles(caseName);
        var project = new TestProject
        {
            AssemblyName = "App",
            RootNamespace = "App",
            ProjectDir = ProjectRoot,
            Sources =
            [
                ("/project/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings),
                .. files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => (ProjectRoot + f.Key, f.Value)),
            ],
            AdditionalTexts =
            [
                .. files.Where(f => f.Key.EndsWith(".yaml", StringComparison.Ordinal))
                    .Select(f => new TestAdditionalText(ProjectRoot + f.Key, f.Value, f.Key.StartsWith("tasks/", StringComparison.Ordinal) ? "task" : "builder")),
            ],
            ExtraReferences = [GeneratorHarness.RuntimeReference],
        };

        var run = GeneratorHarness.Run(project);
        var reported = run.AllDgtDiagnostics.Where(d => d.Id.StartsWith("DGT", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
        var expected = Expectations(caseName);

        var unmatched = reported.ToList();
        foreach (var expectation in expected)
        {
            var match = unmatched.FirstOrDefault(expectation.Matches);
            Assert.True(match is not null, $"{caseName}: expected {expectation}, got:\n{string.Join("\n", reported)}");
            unmatched.Remove(match);
        }

        Assert.True(unmatched.Count == 0, $"{caseName}: not in expected.txt:\n{string.Join("\n", unmatched)}");
    }

    private static SortedDictionary<string, string> CaseFiles(string caseName)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var directory in new[] { Path.Combine(CorpusDirectory, "_base"), Path.Combine(CorpusDirectory, caseName) })
        {
            foreach (var path in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
                if (relative != "expected.txt")
                {
                    files[relative] = File.ReadAllText(path);
                }
            }
        }

        return files;
    }

    private static List<Expectation> Expectations(string caseName) =>
        [.. File.ReadAllLines(Path.Combine(CorpusDirectory, caseName, "expected.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(Expectation.Parse)];

    [GeneratedRegex(@"^(?<id>DGT\d{4}) (?<file>[^ (]+)(\((?<line>\d+),(?<column>\d+)\))?( (?<text>.*))?$")]
    private static partial Regex ExpectationPattern();

    private sealed record Expectation(string Id, string File, int? Line, int? Column, string Text)
    {
        public static Expectation Parse(string line)
        {
            var match = ExpectationPattern().Match(line);
            Assert.True(match.Success, "Malformed expectation: " + line);
            return new Expectation(
                match.Groups["id"].Value,
                match.Groups["file"].Value,
                match.Groups["line"].Success ? int.Parse(match.Groups["line"].Value) : null,
                match.Groups["column"].Success ? int.Parse(match.Groups["column"].Value) : null,
                match.Groups["text"].Value);
        }

        public bool Matches(Diagnostic diagnostic)
        {
            var span = diagnostic.Location.GetLineSpan();
            return diagnostic.Id == Id &&
                   span.Path == ProjectRoot + File &&
                   (Line is null || span.StartLinePosition.Line + 1 == Line) &&
                   (Column is null || span.StartLinePosition.Character + 1 == Column) &&
                   diagnostic.GetMessage().Contains(Text, StringComparison.Ordinal);
        }

        public override string ToString() => $"{Id} {File}({Line},{Column}) {Text}";
    }
}

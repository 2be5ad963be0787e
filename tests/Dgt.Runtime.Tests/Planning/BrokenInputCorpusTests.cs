using System.Diagnostics;
using System.Text.RegularExpressions;
using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

/// <summary>
/// Every start-up case of the broken-input corpus (tests/BrokenInputs/startup): the program exits 2 at once, prints
/// exactly the expected errors with file:line:column, and writes nothing.
/// </summary>
public sealed partial class BrokenInputCorpusTests
{
    private static string CorpusDirectory { get; } = FindCorpus();

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
    public void The_corpus_covers_at_least_twenty_start_up_mistakes() => Assert.True(Cases().Count >= 20);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_broken_input_stops_the_run_before_anything_is_sent_or_written(string caseName)
    {
        using var dir = new TempDirectory();
        CopyCase(caseName, dir.Path);
        var args = ArgsOf(caseName, dir.Path);
        var expected = ExpectedOf(caseName, dir.Path);

        var clock = Stopwatch.StartNew();
        var (code, output, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), [.. args, "--output-dir", dir.Combine("out")]);
        clock.Stop();

        Assert.True(code == 2, $"{caseName}: exit {code}\n{output}\n{error}");
        foreach (var line in expected)
        {
            Assert.True(error.Contains(line, StringComparison.Ordinal), $"{caseName}: expected\n  {line}\nin\n{error}");
        }

        var count = ErrorCount().Match(error);
        Assert.True(count.Success, error);
        Assert.True(int.Parse(count.Groups[1].Value) == expected.Count, $"{caseName}: expected {expected.Count} error(s):\n{error}");
        Assert.False(Directory.Exists(dir.Combine("out")), "Something was written under the output directory.");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{caseName} took {clock.Elapsed}");
    }

    private static void CopyCase(string caseName, string target)
    {
        foreach (var source in new[] { Path.Combine(CorpusDirectory, "_base"), Path.Combine(CorpusDirectory, caseName) })
        {
            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(source, file);
                if (relative is "expected.txt" or "args.txt")
                {
                    continue;
                }

                var copy = Path.Combine(target, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy, overwrite: true);
            }
        }
    }

    private static string[] ArgsOf(string caseName, string dir)
    {
        var path = Path.Combine(CorpusDirectory, caseName, "args.txt");
        var text = File.Exists(path) ? File.ReadAllText(path) : "--task-path {dir}/task.yaml";
        return text.Replace("{dir}", dir, StringComparison.Ordinal).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Each line as the program prints it: <c>path:line:column: error: message…</c>.</summary>
    private static List<string> ExpectedOf(string caseName, string dir) =>
        [.. File.ReadAllLines(Path.Combine(CorpusDirectory, caseName, "expected.txt"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Replace("{dir}", dir, StringComparison.Ordinal))
            .Select(line =>
            {
                var match = ExpectedLine().Match(line);
                Assert.True(match.Success, "Malformed expectation: " + line);
                var file = match.Groups["file"].Value;
                var path = file.StartsWith('@') ? file[1..] : Path.Combine(dir, file);
                return $"{path}:{match.Groups["position"].Value}: error: {match.Groups["text"].Value}";
            })];

    private static string FindCorpus()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var corpus = Path.Combine(directory.FullName, "tests", "BrokenInputs", "startup");
            if (Directory.Exists(corpus))
            {
                return corpus;
            }
        }

        throw new InvalidOperationException("tests/BrokenInputs/startup not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?<file>.+?):(?<position>\d+:\d+): (?<text>.*)$")]
    private static partial Regex ExpectedLine();

    [GeneratedRegex(@"(\d+) errors?; nothing was run or written\.")]
    private static partial Regex ErrorCount();
}

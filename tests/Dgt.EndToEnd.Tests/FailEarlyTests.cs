using System.Diagnostics;

namespace Dgt.EndToEnd.Tests;

/// <summary>
/// The real program refuses a wrong configuration before any work: a broken builder YAML fails the build with the
/// error in the YAML file, and a broken task file stops the run at once with every error and nothing written.
/// </summary>
public sealed class FailEarlyTests
{
    private const string GeographyYaml = "src/Builders/Public/Test/GeographyQa/geography_qa.yaml";

    [Fact]
    public async Task A_bad_task_file_exits_2_at_once_listing_every_error_and_writing_nothing()
    {
        var dir = Directory.CreateTempSubdirectory("dgt-failearly-");
        try
        {
            var task = Path.Combine(dir.FullName, "task.yaml");
            await File.WriteAllTextAsync(task, """
                task_name: broken
                task_description: broken on purpose
                data_builder: public/test/geography_qa
                num_outputs_to_generate: 5
                seed_examples:
                  - question: Where?
                    answr: There
                """);
            var output = Path.Combine(dir.FullName, "out");

            var (code, _, error, elapsed) = await DgtProcess.RunAsync(["--task-path", task, "--output-dir", output]);

            Assert.True(code == 2, error);
            Assert.Contains($"{task}:4:1: error: 'num_outputs_to_generate' belongs under 'runner_config:'", error, StringComparison.Ordinal);
            Assert.Contains($"{task}:7:5: error: Seed example 1 has key 'answr', which GeographyQaData does not have. Did you mean 'answer'?", error, StringComparison.Ordinal);
            Assert.Contains($"{task}:6:5: error: Seed example 1 has no 'answer', which GeographyQaData requires.", error, StringComparison.Ordinal);
            Assert.Contains("3 errors; nothing was run or written.", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));

            // A second, including the start of a .NET process; a slow shared machine gets some slack.
            Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("- name: generator", "- name: writer", "(9,1): error DGT0104: The builder's field 'generator'")]
    [InlineData("temperature:", "temprature:", "(14,5): error DGT0108: Unknown key 'temprature' in block 'generator' (ollama). Did you mean 'temperature'?")]
    [InlineData("type: ollama", "type: olama", "(12,11): error DGT0106: Block 'generator' has unknown type 'olama'. Did you mean 'ollama'?")]
    public async Task Breaking_the_geography_builder_yaml_fails_the_build_at_the_yaml_line(string original, string broken, string expected)
    {
        var copy = Directory.CreateTempSubdirectory("dgt-builders-");
        try
        {
            CopyProgram(copy.FullName);
            var yaml = Path.Combine(copy.FullName, GeographyYaml);
            await File.WriteAllTextAsync(yaml, (await File.ReadAllTextAsync(yaml)).Replace(original, broken, StringComparison.Ordinal));

            var (code, output) = await BuildAsync(Path.Combine(copy.FullName, "src", "Builders", "Builders.csproj"));

            Assert.True(code != 0, output);
            Assert.Contains(yaml + expected, output, StringComparison.Ordinal);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    /// <summary>
    /// A copy of the program project whose references point back at the repository's already-built projects, so the
    /// build compiles the program alone (with the generator and analyzers) and leaves the repository untouched. It is
    /// built in the tests' own configuration, the one whose outputs of those projects exist.
    /// </summary>
    private static void CopyProgram(string target)
    {
        var root = DgtProcess.RepositoryRoot;
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", ".editorconfig" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(target, file));
        }

        var source = Path.Combine(root, "src", "Builders");
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("bin", StringComparison.Ordinal) || relative.StartsWith("obj", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(target, "src", "Builders", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var project = Path.Combine(target, "src", "Builders", "Builders.csproj");
        var text = File.ReadAllText(project)
            .Replace(@"..\..\tasks\", Path.Combine(root, "tasks") + "/", StringComparison.Ordinal)
            .Replace(@"..\", Path.Combine(root, "src") + "/", StringComparison.Ordinal);
        File.WriteAllText(project, text);
    }

    private static async Task<(int ExitCode, string Output)> BuildAsync(string project)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "build", project, "-c", DgtProcess.Configuration, "-p:BuildProjectReferences=false", "-nodeReuse:false", "-nologo", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cancel.Token);
        return (process.ExitCode, await output + await error);
    }
}

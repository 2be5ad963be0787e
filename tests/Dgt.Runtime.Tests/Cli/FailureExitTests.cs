using System.Text.Json;
using Dgt.Runtime.Cli;
using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Cli;

public sealed class FailureExitTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Fact]
    public async Task A_defect_in_the_builder_code_exits_1_with_one_line_and_keeps_the_rows_on_disk()
    {
        using var dir = new TempDirectory();
        var (code, error, taskDir) = await RunUntilTheBuilderThrowsAsync(dir);

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("error: unexpected failure: the builder's parser broke", error, StringComparison.Ordinal);
        Assert.Contains("run again with --debug", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);

        // What was appended before the failure is still there, whole, and the task is recorded as errored.
        var rows = File.ReadAllLines(Path.Combine(taskDir, "data.jsonl"));
        Assert.True(rows.Length >= 3, string.Join("\n", rows));
        Assert.All(rows, row => JsonDocument.Parse(row).Dispose());
        var last = File.ReadLines(Path.Combine(taskDir, "task_results.jsonl")).Last();
        Assert.Equal("errored", JsonDocument.Parse(last).RootElement.GetProperty("status").GetString());
        Assert.False(File.Exists(Path.Combine(taskDir, "final_data.jsonl")));
    }

    [Fact]
    public async Task With_debug_the_same_defect_also_prints_where_it_happened()
    {
        using var dir = new TempDirectory();
        var (code, error, _) = await RunUntilTheBuilderThrowsAsync(dir, "--debug");

        Assert.Equal(ExitCodes.RuntimeFailure, code);
        Assert.Contains("System.InvalidOperationException: the builder", error, StringComparison.Ordinal);
        Assert.Contains("   at ", error, StringComparison.Ordinal);
        Assert.Contains(nameof(ScriptedEngine), error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("io", ExitCodes.RuntimeFailure, "error: disk full writing out/data.jsonl")]
    [InlineData("access", ExitCodes.RuntimeFailure, "error: Access to the path 'out/x' is denied.")]
    [InlineData("cancelled-by-user", ExitCodes.Interrupted, "Interrupted. Every row produced so far is on disk")]
    [InlineData("cancelled-by-itself", ExitCodes.RuntimeFailure, "error: unexpected failure: A task was canceled.")]
    [InlineData("permanent", ExitCodes.RuntimeFailure, "Nothing more was sent.")]
    public void Every_failure_maps_to_a_documented_exit_code_and_a_reason(string kind, int expectedCode, string expectedText)
    {
        Exception exception = kind switch
        {
            "io" => new IOException("disk full writing out/data.jsonl"),
            "access" => new UnauthorizedAccessException("Access to the path 'out/x' is denied."),
            "cancelled-by-user" => new OperationCanceledException(),
            "cancelled-by-itself" => new TaskCanceledException(),
            _ => new LmPermanentException("the model 'x' does not exist"),
        };
        using var error = new StringWriter();

        var code = FailureExit.Report(exception, interrupted: kind == "cancelled-by-user", debug: false, error);

        Assert.Equal(expectedCode, code);
        Assert.Contains(expectedText, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_address_in_a_failure_never_shows_its_password_even_under_debug()
    {
        using var error = new StringWriter();

        FailureExit.Report(new InvalidOperationException("could not reach http://user:hunter2@example.test/v1"), interrupted: false, debug: true, error);

        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("example.test/v1", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs a task whose engine code throws once three rows are on disk (a defect, not an LLM failure): the failure
    /// comes after those rows were appended, whatever the scheduling.
    /// </summary>
    private static async Task<(int Code, string Error, string TaskDirectory)> RunUntilTheBuilderThrowsAsync(TempDirectory dir, params string[] extra)
    {
        var taskFile = dir.Write("task.yaml", Task);
        var taskDir = dir.Combine("out", "test", "t");
        var data = Path.Combine(taskDir, "data.jsonl");
        var registry = new TestRegistry((n, _) => File.Exists(data) && File.ReadLines(data).Count() >= 3
            ? throw new InvalidOperationException("the builder's parser broke\nsecond line")
            : $"question {n}|a");

        var (code, _, error) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "50", .. extra]);
        return (code, error, taskDir);
    }
}

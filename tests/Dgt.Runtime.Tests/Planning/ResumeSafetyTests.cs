using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

public sealed class ResumeSafetyTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Fact]
    public async Task A_rerun_with_changed_seeds_is_refused_and_offers_a_restart()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var counter = 0;
        var registry = new TestRegistry((_, _) => $"question {Interlocked.Increment(ref counter)}|a");
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out")];
        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "2"])).ExitCode);
        var before = File.ReadAllText(dir.Combine("out", "test", "t", "data.jsonl"));

        dir.Write("task.yaml", Task.Replace("{question: q, answer: a}", "{question: other, answer: b}", StringComparison.Ordinal));
        var (code, _, error) = await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "3"]);

        Assert.Equal(2, code);
        Assert.Contains("different task or builder configuration", error, StringComparison.Ordinal);
        Assert.Contains("--restart-generation", error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(dir.Combine("out", "test", "t", "data.jsonl")));

        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--restart-generation"])).ExitCode);
    }

    [Fact]
    public async Task After_a_run_that_recorded_no_row_a_changed_configuration_simply_replaces_the_old()
    {
        using var task = new QaTask();
        var failing = await ProgramRun.RunAsync(new TestRegistry((_, _) => null), [.. task.Args, "--max-stalled-requests", "2"]);
        Assert.True(failing.ExitCode == 1, failing.Error);
        Assert.True(File.Exists(Path.Combine(task.TaskDirectory, "task_card.jsonl")));

        // The seeds are fixed (a changed configuration); nothing was produced that it could be mixed with.
        task.Rewrite(Task.Replace("{question: q, answer: a}", "{question: other, answer: b}", StringComparison.Ordinal));
        var (code, _, error) = await task.RunAsync("--max-stalled-requests", "2");

        Assert.True(code == 0, error);
        Assert.Equal(2, File.ReadAllLines(Path.Combine(task.TaskDirectory, "final_data.jsonl")).Length);
    }

    [Fact]
    public async Task A_torn_last_line_of_the_task_card_does_not_skip_the_configuration_check()
    {
        using var task = new QaTask();
        Assert.Equal(0, (await task.RunAsync()).ExitCode);
        File.AppendAllText(Path.Combine(task.TaskDirectory, "task_card.jsonl"), "{\"task_name\":\"test/t\",\"finger");

        task.Rewrite(Task.Replace("{question: q, answer: a}", "{question: other, answer: b}", StringComparison.Ordinal));
        var (code, _, error) = await task.RunAsync("--num-outputs-to-generate", "3");

        Assert.True(code == 2, error);
        Assert.Contains("different task or builder configuration", error, StringComparison.Ordinal);

        // With the configuration restored, the run resumes past the torn line, and its own line stands apart from it.
        task.Rewrite(Task);
        Assert.Equal(0, (await task.RunAsync("--num-outputs-to-generate", "3")).ExitCode);
        Assert.Contains("\"fingerprint\"", File.ReadAllLines(Path.Combine(task.TaskDirectory, "task_card.jsonl"))[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"seed_cursor\": 1, \"atte", "cannot be read")]
    [InlineData("{\"seed_cursor\": -3, \"attempts\": 2}", "negative position")]
    public async Task A_damaged_saved_position_is_named_and_the_resume_refused(string state, string expected)
    {
        using var task = new QaTask();
        Assert.Equal(0, (await task.RunAsync()).ExitCode);
        var statePath = task.Dir.Write(Path.Combine("out", "test", "t", "generation_state.json"), state);

        var (code, _, error) = await task.RunAsync("--num-outputs-to-generate", "3");

        Assert.True(code == 2, error);
        Assert.Contains($"cannot be resumed safely: {statePath}", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("--restart-generation", error, StringComparison.Ordinal);
        Assert.Equal(state, File.ReadAllText(statePath));
        Assert.Equal(0, (await task.RunAsync("--restart-generation")).ExitCode);
    }

    [Fact]
    public async Task A_rerun_asking_for_more_rows_resumes()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var counter = 0;
        var registry = new TestRegistry((_, _) => $"question {Interlocked.Increment(ref counter)}|a");
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out")];

        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "2"])).ExitCode);
        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "3"])).ExitCode);

        Assert.Equal(3, File.ReadAllLines(dir.Combine("out", "test", "t", "final_data.jsonl")).Length);
        Assert.Equal(2, File.ReadAllLines(dir.Combine("out", "test", "t", "task_card.jsonl")).Length);
    }

    [Fact]
    public async Task A_torn_last_line_is_reported_discarded_and_the_run_completes()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var counter = 0;
        var registry = new TestRegistry((_, _) => $"question {Interlocked.Increment(ref counter)}|a");
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out")];
        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "2"])).ExitCode);
        var data = dir.Combine("out", "test", "t", "data.jsonl");
        File.AppendAllText(data, "{\"task_name\":\"test/t\",\"is_seed\":false,\"quest");

        var (code, _, error) = await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "3"]);

        Assert.True(code == 0, error);
        Assert.Contains("cut short", error, StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(data), line => Assert.EndsWith("}", line, StringComparison.Ordinal));
        Assert.Equal(3, File.ReadAllLines(dir.Combine("out", "test", "t", "final_data.jsonl")).Length);
    }

    [Fact]
    public async Task Restart_removes_only_the_tasks_own_files()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((n, _) => $"question {Guid.NewGuid():N}|a");
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "2"];
        Assert.Equal(0, (await ProgramRun.RunAsync(registry, args)).ExitCode);
        var firstRun = File.ReadAllLines(dir.Combine("out", "test", "t", "data.jsonl"));
        var notes = dir.Write(Path.Combine("out", "test", "t", "my-notes.txt"), "keep me");
        var sibling = dir.Write(Path.Combine("out", "test", "other", "data.jsonl"), "{}\n");
        var outside = dir.Write(Path.Combine("out", "README"), "keep me too");

        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--restart-generation"])).ExitCode);

        Assert.True(File.Exists(notes));
        Assert.True(File.Exists(sibling));
        Assert.True(File.Exists(outside));
        Assert.Empty(File.ReadAllLines(dir.Combine("out", "test", "t", "data.jsonl")).Intersect(firstRun));
    }
}

using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

/// <summary>Settings that would only fail (or produce nothing) later are refused at start-up, with their location.</summary>
public sealed class RunnerAndNameRuleTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Fact]
    public async Task A_seed_batch_size_of_0_on_the_command_line_is_refused()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((n, _) => $"question {n}|a");

        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--task-path", taskFile, "--seed-batch-size", "0", "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains("seed_batch_size is 0; it must be at least 1", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task A_seed_batch_size_of_0_in_the_task_file_is_refused_at_its_line()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task + "runner_config:\n  seed_batch_size: 0\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((n, _) => $"question {n}|a"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains($"{taskFile}:7:20: error: 'seed_batch_size' of 'runner_config' must be a whole number of at least 1, not '0'.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test/t ", "starts or ends with a space")]
    [InlineData("test/ t", "starts or ends with a space")]
    [InlineData("test/data.jsonl", "the name of a file every task directory holds")]
    [InlineData("test/blocks", "the name of a file every task directory holds")]
    public async Task A_task_name_that_would_fail_or_collide_on_disk_is_refused(string name, string expected)
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task.Replace("task_name: test/t", $"task_name: \"{name}\"", StringComparison.Ordinal));

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((n, _) => $"question {n}|a"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains($"{taskFile}:1:12: error: task_name '{name}'", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task A_task_name_part_longer_than_a_directory_name_may_be_is_refused()
    {
        using var dir = new TempDirectory();
        var name = "test/" + new string('x', 256);
        var taskFile = dir.Write("task.yaml", Task.Replace("task_name: test/t", $"task_name: {name}", StringComparison.Ordinal));

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((n, _) => $"question {n}|a"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains("has a part of 256 bytes; a directory name may have at most 255", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporary_file_a_killed_final_write_left_is_removed_by_the_next_run()
    {
        using var task = new QaTask();
        Assert.Equal(0, (await task.RunAsync()).ExitCode);
        var leftover = task.Dir.Write(Path.Combine("out", "test", "t", ".final_data.jsonl.4242.tmp"), "{\"task_name\":\"test/t\"");

        Assert.Equal(0, (await task.RunAsync("--num-outputs-to-generate", "3")).ExitCode);

        Assert.False(File.Exists(leftover));
        Assert.Equal(3, File.ReadAllLines(Path.Combine(task.TaskDirectory, "final_data.jsonl")).Length);
    }
}

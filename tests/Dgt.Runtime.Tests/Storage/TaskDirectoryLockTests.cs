using Dgt.Runtime.Storage;
using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Storage;

/// <summary>One run per task directory: another run on it is refused at once and writes nothing.</summary>
public sealed class TaskDirectoryLockTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Fact]
    public async Task A_run_on_a_task_directory_another_run_holds_is_refused_naming_it_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var taskDirectory = dir.Combine("out", "test", "t");
        using var other = TaskDirectoryLock.Acquire(new TaskOutputLayout(dir.Combine("out"), "test/t"), "test/t");
        var registry = new TestRegistry((n, _) => $"question {n}|a");

        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains("Task 'test/t' is being run by another dgt (pid " + Environment.ProcessId, error, StringComparison.Ordinal);
        Assert.Contains(taskDirectory, error, StringComparison.Ordinal);
        Assert.Equal(0, registry.Engine!.Calls);
        Assert.Equal([".dgt.lock", ".dgt.owner"], Directory.EnumerateFileSystemEntries(taskDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_restart_while_another_run_holds_the_directory_deletes_nothing()
    {
        using var task = new QaTask();
        Assert.Equal(0, (await task.RunAsync()).ExitCode);
        var before = Contents(task.TaskDirectory);
        using var other = TaskDirectoryLock.Acquire(new TaskOutputLayout(task.Dir.Combine("out"), "test/t"), "test/t");
        var owner = File.ReadAllText(Path.Combine(task.TaskDirectory, ".dgt.owner"));

        var (code, _, error) = await task.RunAsync("--restart-generation");

        Assert.True(code == 2, error);
        Assert.Contains("is being run by another dgt", error, StringComparison.Ordinal);
        var after = Contents(task.TaskDirectory);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before.Where(f => !f.Key.EndsWith(".dgt.owner", StringComparison.Ordinal)), f => Assert.Equal(f.Value, after[f.Key]));
        Assert.Equal(owner, after[Path.Combine(task.TaskDirectory, ".dgt.owner")]);
        Assert.Contains(Path.Combine(task.TaskDirectory, "data.jsonl"), after.Keys);
    }

    [Fact]
    public async Task A_run_of_another_task_in_the_same_output_directory_is_not_affected()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        using var other = TaskDirectoryLock.Acquire(new TaskOutputLayout(dir.Combine("out"), "test/other"), "test/other");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((n, _) => $"question {n}|a"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 0, error);
        Assert.Equal(2, File.ReadAllLines(dir.Combine("out", "test", "t", "final_data.jsonl")).Length);
    }

    [Fact]
    public async Task The_directory_is_free_again_once_the_run_that_held_it_ends()
    {
        using var task = new QaTask();

        Assert.Equal(0, (await task.RunAsync()).ExitCode);
        Assert.Equal(0, (await task.RunAsync("--num-outputs-to-generate", "3")).ExitCode);

        Assert.Equal(3, File.ReadAllLines(Path.Combine(task.TaskDirectory, "final_data.jsonl")).Length);
    }

    /// <summary>Every file of the directory with its text; the held lock file (which cannot be read) by name only.</summary>
    private static Dictionary<string, string> Contents(string directory) =>
        Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => f.EndsWith(".dgt.lock", StringComparison.Ordinal) ? "" : File.ReadAllText(f));
}

using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.EndToEnd.Tests;

/// <summary>Two real processes on one output directory: the second is refused while the first runs, and a SIGKILL leaves no stale lock.</summary>
public sealed class OutputLockTests : IDisposable
{
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-lock-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task A_second_run_on_a_running_task_is_refused_and_the_lock_dies_with_the_first_run()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = TimeSpan.FromMilliseconds(200) });
        var environment = new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() };
        string[] args = ["--task-path", "tasks/public/test/geography_qa/task.yaml", "--output-dir", _output, "--num-outputs-to-generate", "500"];
        var taskDirectory = Path.Combine(_output, "public", "test", "geography_qa");

        using (var first = RunningDgt.Start(args, environment))
        {
            Assert.True(await first.WaitForLineAsync(line => line.Contains("attempt ", StringComparison.Ordinal), TimeSpan.FromSeconds(60)),
                string.Join("\n", first.Lines));

            var second = await DgtProcess.RunAsync([.. args, "--restart-generation"], environment);

            Assert.True(second.ExitCode == 2, second.Error);
            Assert.Contains($"is being run by another dgt (pid {first.ProcessId},", second.Error, StringComparison.Ordinal);
            Assert.Contains(taskDirectory, second.Error, StringComparison.Ordinal);
            first.KillHard();
            await first.WaitForExitAsync(TimeSpan.FromSeconds(10));
        }

        // The kernel let go of the lock with the killed process: the next run resumes (asking for a row it already has).
        var third = await DgtProcess.RunAsync([.. args[..^1], "1"], environment);
        Assert.True(third.ExitCode == 0, third.Error);
        Assert.Single(File.ReadAllLines(Path.Combine(taskDirectory, "final_data.jsonl")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}

using System.Collections.Concurrent;
using System.Text.Json;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;
using Xunit.Abstractions;

namespace Dgt.EndToEnd.Tests;

/// <summary>
/// Kills the real program with SIGKILL at random moments (during generation, postprocessing and the final write),
/// resumes it each time, and checks that nothing accepted is lost or repeated.
/// </summary>
public sealed class CrashResumeTests(ITestOutputHelper output) : IDisposable
{
    private const int Target = 300;
    private const int SeedBatchSize = 5;
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-kill-" + Guid.NewGuid().ToString("N")[..12]);

    private string TaskDirectory => Path.Combine(_output, "public", "test", "geography_qa");

    [Fact]
    public async Task Twenty_kills_at_random_moments_lose_and_repeat_nothing()
    {
        var sent = new ConcurrentDictionary<string, int>();
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(40),
            Responder = request =>
            {
                // Every sixth reply repeats a question (with its own answer), so dedup rejects something.
                var reply = request.Number % 6 == 0
                    ? $"Question: What is the capital of France?\nAnswer: Paris (reply {request.Number})"
                    : GeographyResponder.Reply(request);
                sent[reply] = request.Number;
                return reply;
            },
        });
        var environment = new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() };
        string[] args =
        [
            "--task-path", "tasks/public/test/geography_qa/task.yaml", "--output-dir", _output,
            "--num-outputs-to-generate", Target.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seed-batch-size", SeedBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture), "--machine-batch-size", "2",
        ];

        var random = new Random(20261126);
        var kills = 0;
        var phases = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var round = 0; round < 60 && kills < 20; round++)
        {
            using var run = RunningDgt.Start(args, environment);
            // Mostly during generation (several attempts apart), then during postprocessing and the final write.
            var (phase, marker) = kills < 12 ? ("generation", "attempt ") : (kills % 2) switch
            {
                0 => ("postprocessing", "Postprocessing "),
                _ => ("final write", "Writing "),
            };
            var reached = await run.WaitForLineAsync(line => line.Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
            if (!reached)
            {
                continue;
            }

            // At a random moment after the marker: the kill lands anywhere in that phase or just after it.
            await Task.Delay(phase == "generation" ? random.Next(0, 200) : random.Next(0, 20));
            run.KillHard();
            await run.WaitForExitAsync(TimeSpan.FromSeconds(10));
            kills++;
            phases[phase] = phases.GetValueOrDefault(phase) + 1;
        }

        output.WriteLine($"kills: {kills} ({string.Join(", ", phases.Select(p => p.Key + " " + p.Value))})");
        var final = await DgtProcess.RunAsync(args, environment);
        Assert.True(final.ExitCode == 0, final.Error);
        Assert.True(kills >= 20, $"only {kills} kills landed");
        Assert.True(phases.Count == 3, string.Join(", ", phases));

        var rows = ReadRows("final_data.jsonl");
        Assert.Equal(Target, rows.Count);
        var replies = rows.Select(r => $"Question: {r.GetProperty("question").GetString()}\nAnswer: {r.GetProperty("answer").GetString()}").ToList();
        Assert.All(replies, reply => Assert.True(sent.ContainsKey(reply), "not a reply the server sent: " + reply));
        Assert.Equal(replies.Count, replies.Distinct().Count());
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("question").GetString()!.ToLowerInvariant()).Distinct().Count());

        // Every reply the program kept on disk is there once, however many runs it took.
        var data = ReadRows("data.jsonl").Select(r => r.GetRawText()).ToList();
        Assert.Equal(data.Count, data.Distinct().Count());

        // The seed cursor moved on across runs: it always sits where the attempts so far leave it.
        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(TaskDirectory, "generation_state.json")));
        var attempts = state.RootElement.GetProperty("attempts").GetInt32();
        Assert.Equal(attempts * SeedBatchSize % 20, state.RootElement.GetProperty("seed_cursor").GetInt32());
        Assert.True(attempts > 2, $"{attempts} attempts");
    }

    [Fact]
    public async Task Sigterm_stops_the_run_records_cancelled_and_exits_130()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = TimeSpan.FromMilliseconds(200) });
        using var run = RunningDgt.Start(
            ["--task-path", "tasks/public/test/geography_qa/task.yaml", "--output-dir", _output, "--num-outputs-to-generate", "500"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });
        Assert.True(await run.WaitForLineAsync(line => line.StartsWith("attempt 1", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));

        run.Signal("TERM");
        var code = await run.WaitForExitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(130, code);
        Assert.Contains("\"status\":\"cancelled\"", File.ReadAllLines(Path.Combine(TaskDirectory, "task_results.jsonl"))[^1], StringComparison.Ordinal);
        Assert.NotEmpty(ReadRows("data.jsonl"));
        Assert.False(File.Exists(Path.Combine(TaskDirectory, "final_data.jsonl")));
    }

    [Fact]
    public async Task A_second_ctrl_c_exits_at_once_with_the_rows_on_disk()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = TimeSpan.FromSeconds(20) });
        using var run = RunningDgt.Start(
            ["--task-path", "tasks/public/test/geography_qa/task.yaml", "--output-dir", _output, "--num-outputs-to-generate", "500"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });
        Assert.True(await run.WaitForLineAsync(line => line.Contains("Builder public/test/geography_qa", StringComparison.Ordinal), TimeSpan.FromSeconds(30)));
        await Task.Delay(300);

        run.Signal("INT");
        await Task.Delay(100);
        run.Signal("INT");
        var code = await run.WaitForExitAsync(TimeSpan.FromSeconds(5));

        Assert.Equal(130, code);
        Assert.True(File.Exists(Path.Combine(TaskDirectory, "task_card.jsonl")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private List<JsonElement> ReadRows(string file) =>
        [.. File.ReadAllLines(Path.Combine(TaskDirectory, file)).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}

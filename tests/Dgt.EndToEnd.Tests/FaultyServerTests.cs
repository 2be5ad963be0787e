using System.Text.Json;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.EndToEnd.Tests;

/// <summary>The real program against a server that fails in every way it can: the run still ends exactly right.</summary>
public sealed class FaultyServerTests : IDisposable
{
    private const int Target = 40;
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-faults-" + Guid.NewGuid().ToString("N")[..12]);

    private string TaskDirectory => Path.Combine(_output, "public", "test", "geography_qa");

    [Fact]
    public async Task A_run_against_a_faulty_server_completes_exactly_and_counts_its_failures()
    {
        var random = new Random(7);
        FakeFault[] faults = [FakeFault.ServerError(500), FakeFault.ServerError(503), FakeFault.Reset, FakeFault.ResetMidBody, FakeFault.TruncatedBody, FakeFault.MalformedJson, FakeFault.Stall, FakeFault.MalformedReply];
        var chosen = new Dictionary<int, FakeFault?>();
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(10),
            StallDuration = TimeSpan.FromSeconds(3),
            Faults = FaultPlan.From(request =>
            {
                lock (chosen)
                {
                    if (!chosen.TryGetValue(request.Number, out var fault))
                    {
                        // 429 with Retry-After on every 7th request; otherwise 20 % of requests fail in one of the other ways.
                        fault = request.Number % 7 == 0 ? FakeFault.TooManyRequests(TimeSpan.FromSeconds(1))
                            : random.NextDouble() < 0.2 ? faults[random.Next(faults.Length)] : null;
                        chosen[request.Number] = fault;
                    }

                    return fault;
                }
            }),
        });
        var config = Path.Combine(_output, "fast-retries.yaml");
        Directory.CreateDirectory(_output);
        File.WriteAllText(config, """
            databuilders:
              public/test/geography_qa:
                blocks:
                  - name: generator
                    timeout: 1
                    max_retries: 6
            """);

        var run = await DgtProcess.RunAsync(
            ["--task-path", "tasks/public/test/geography_qa/task.yaml", "--config-path", config, "--output-dir", _output,
             "--num-outputs-to-generate", Target.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        var rows = File.ReadAllLines(Path.Combine(TaskDirectory, "final_data.jsonl"));
        Assert.Equal(Target, rows.Length);
        Assert.Equal(Target, rows.Select(r => JsonDocument.Parse(r).RootElement.GetProperty("question").GetString()).Distinct().Count());

        // The failures are visible: retries in the summary, HTTP attempts beyond requests in task_results.
        Assert.True(server.Log.CountOf(429) > 0 && server.Log.CountOf(500) + server.Log.CountOf(503) > 0);
        using var results = JsonDocument.Parse(File.ReadAllLines(Path.Combine(TaskDirectory, "task_results.jsonl"))[^1]);
        var generator = results.RootElement.GetProperty("metrics").GetProperty("blocks").GetProperty("generator");
        Assert.True(generator.GetProperty("http_attempts").GetInt64() > generator.GetProperty("requests").GetInt64());
        Assert.Matches(@"block generator \(mistral-small3.2\): \d+ requests, \d+ failed, [1-9]\d* retries", run.Output);

        // The 429s pushed the concurrency limit below call_limit (10), and the summary says so.
        var lowest = generator.GetProperty("lowest_concurrency_limit").GetInt32();
        Assert.InRange(lowest, 1, 9);
        Assert.InRange(generator.GetProperty("peak_in_flight").GetInt32(), 1, 10);
        Assert.Matches(@"; up to ([1-9]|10) at once, limit \d+ \(lowest " + lowest + @"\)", run.Output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}

using System.Text.Json;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.EndToEnd.Tests;

public sealed class GeographyRunTests : IDisposable
{
    private const string TaskPath = "tasks/public/test/geography_qa/task.yaml";
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    private string TaskDirectory => Path.Combine(_output, "public", "test", "geography_qa");

    [Fact]
    public async Task The_geography_task_writes_exactly_the_requested_distinct_rows_and_every_output_file()
    {
        // Every fourth reply repeats an earlier question, so the dedup postprocessor has work to do.
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions
        {
            Latency = TimeSpan.FromMilliseconds(20),
            Responder = request => request.Number % 4 == 0
                ? "Question: What is the capital of France?\nAnswer: Paris"
                : GeographyResponder.Reply(request),
        });

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--output-dir", _output, "--num-outputs-to-generate", "30"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        var final = ReadRows("final_data.jsonl");
        Assert.Equal(30, final.Count);
        Assert.All(final, row =>
        {
            Assert.Equal(["task_name", "is_seed", "question", "answer"], row.EnumerateObject().Select(p => p.Name));
            Assert.Equal("public/test/geography_qa", row.GetProperty("task_name").GetString());
            Assert.False(row.GetProperty("is_seed").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("question").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("answer").GetString()));
        });
        var questions = final.Select(r => Normalise(r.GetProperty("question").GetString()!)).ToList();
        Assert.Equal(questions.Count, questions.Distinct().Count());

        Assert.True(ReadRows("data.jsonl").Count >= 30);
        Assert.NotEmpty(ReadRows(Path.Combine("blocks", "dedup.jsonl")));
        Assert.Contains("\"status\":\"completed\"", File.ReadAllLines(Path.Combine(TaskDirectory, "task_results.jsonl"))[^1], StringComparison.Ordinal);
        Assert.Single(File.ReadAllLines(Path.Combine(TaskDirectory, "task_card.jsonl")));
        Assert.NotEmpty(ReadRows("logs.jsonl"));

        // Each prompt carries three in-context examples, and the block's options reach the server.
        var generate = server.Log.GenerationRequests;
        Assert.All(generate, request => Assert.Equal(3, CountOf(request.Prompt!, "\nAnswer: ")));
        Assert.All(generate, request => Assert.Equal(0.0, request.OptionNumber("temperature")));
        Assert.All(generate, request => Assert.Equal(128.0, request.OptionNumber("num_predict")));
        Assert.Contains("Summary", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_no_server_listening_the_run_stops_quickly_naming_the_url_and_the_model()
    {
        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--output-dir", _output],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = "http://127.0.0.1:9" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(10), run.Elapsed.ToString());
        Assert.Contains("127.0.0.1:9", run.Error, StringComparison.Ordinal);
        Assert.Contains("mistral-small3.2", run.Error, StringComparison.Ordinal);
        Assert.Contains("OLLAMA_HOST", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(TaskDirectory, "final_data.jsonl")));
    }

    [Fact]
    public async Task A_model_the_server_lacks_stops_the_run_at_the_first_requests()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Models = ["llama3"] });

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--output-dir", _output, "--num-outputs-to-generate", "50"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("mistral-small3.2", run.Error, StringComparison.Ordinal);
        Assert.Contains("ollama pull", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(TaskDirectory, "final_data.jsonl")));

        // Only the first wave of requests (at most call_limit, 10) was sent.
        Assert.InRange(server.Log.GenerationRequests.Count, 1, 10);
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

    private static string Normalise(string text) => string.Join(' ', text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}

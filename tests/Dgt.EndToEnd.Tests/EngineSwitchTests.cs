using Dgt.Testing.FakeLlm.OpenAi;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.EndToEnd.Tests;

/// <summary>Switching engines by configuration alone, the response cache, and keeping secrets out of every output.</summary>
public sealed class EngineSwitchTests : IDisposable
{
    private const string TaskPath = "tasks/public/test/geography_qa/task.yaml";
    private const string Key = "sk-test-0123456789abcdef-SECRET";
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-engines-" + Guid.NewGuid().ToString("N")[..12]);

    private string TaskDirectory => Path.Combine(_output, "public", "test", "geography_qa");

    [Fact]
    public async Task The_geography_task_runs_on_an_openai_compatible_server_by_a_config_override_alone_and_the_key_stays_secret()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { ApiKey = Key, Models = ["gpt-fake-mini"] });
        Directory.CreateDirectory(_output);
        var config = Path.Combine(_output, "openai.yaml");
        File.WriteAllText(config, """
            databuilders:
              public/test/geography_qa:
                blocks:
                  - name: generator
                    type: openai
                    model_id_or_path: gpt-fake-mini
            """);

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--config-path", config, "--output-dir", _output, "--num-outputs-to-generate", "12"],
            new Dictionary<string, string> { ["OPENAI_BASE_URL"] = server.BaseUrl.ToString(), ["OPENAI_API_KEY"] = Key });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(12, File.ReadAllLines(Path.Combine(TaskDirectory, "final_data.jsonl")).Length);
        Assert.NotEmpty(server.Log.GenerationRequests);
        Assert.DoesNotContain(Key, run.Output + run.Error, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(Key, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task With_n_by_a_config_override_each_prompt_is_answered_n_times_and_every_reply_becomes_a_row()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        Directory.CreateDirectory(_output);
        var config = Path.Combine(_output, "two-replies.yaml");
        File.WriteAllText(config, """
            databuilders:
              public/test/geography_qa:
                blocks:
                  - name: generator
                    n: 2
            """);

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--config-path", config, "--output-dir", _output, "--num-outputs-to-generate", "40"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        var final = File.ReadAllLines(Path.Combine(TaskDirectory, "final_data.jsonl"));
        Assert.Equal(40, final.Length);
        Assert.Equal(40, final.Distinct().Count());
        var requests = server.Log.GenerationRequests;
        Assert.All(requests.GroupBy(r => r.Prompt), prompt => Assert.Equal(0, prompt.Count() % 2));
        Assert.Equal(requests.Count, File.ReadAllLines(Path.Combine(TaskDirectory, "data.jsonl")).Length);
    }

    [Fact]
    public async Task A_rerun_from_scratch_with_the_response_cache_sends_no_requests()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        var cache = Path.Combine(_output, "cache.sqlite");
        string[] args = ["--task-path", TaskPath, "--output-dir", _output, "--num-outputs-to-generate", "15", "--lm-cache", cache];
        var environment = new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() };
        Directory.CreateDirectory(_output);

        var first = await DgtProcess.RunAsync(args, environment);
        Assert.True(first.ExitCode == 0, first.Error);
        var firstFinal = File.ReadAllLines(Path.Combine(TaskDirectory, "final_data.jsonl"));
        var requestsAfterFirst = server.Log.GenerationRequests.Count;

        var second = await DgtProcess.RunAsync([.. args, "--restart-generation"], environment);

        Assert.True(second.ExitCode == 0, second.Error);
        Assert.Equal(requestsAfterFirst, server.Log.GenerationRequests.Count);
        Assert.Equal(firstFinal, File.ReadAllLines(Path.Combine(TaskDirectory, "final_data.jsonl")));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }
}

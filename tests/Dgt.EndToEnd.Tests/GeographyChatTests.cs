using System.Text.Json;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.EndToEnd.Tests;

/// <summary>The chat-mode geography builder: system and user messages to the engine's chat endpoint, on either engine.</summary>
public sealed class GeographyChatTests : IDisposable
{
    private const string TaskPath = "tasks/public/test/geography_qa_chat/task.yaml";
    private readonly string _output = Path.Combine(Path.GetTempPath(), "dgt-chat-" + Guid.NewGuid().ToString("N")[..12]);

    private string FinalData => Path.Combine(_output, "public", "test", "geography_qa_chat", "final_data.jsonl");

    [Fact]
    public async Task On_ollama_every_request_goes_to_the_chat_endpoint_with_a_system_and_a_user_message()
    {
        await using var server = await FakeOllamaServer.StartAsync();

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--output-dir", _output, "--num-outputs-to-generate", "12"],
            new Dictionary<string, string> { ["OLLAMA_HOST"] = server.BaseUrl.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        AssertRows(12);
        Assert.NotEmpty(server.Log.GenerationRequests);
        Assert.All(server.Log.GenerationRequests, r => Assert.Equal(FakeOllamaPaths.Chat, r.Path));
        Assert.All(server.Log.GenerationRequests, r => Assert.Equal(["system", "user"], r.Messages!.Select(m => m.Role)));
        Assert.All(server.Log.GenerationRequests, r => Assert.Contains("Question: ", r.Messages![1].Content, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_an_openai_compatible_server_it_uses_chat_completions_by_a_config_override_alone()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Models = ["gpt-fake-mini"] });
        Directory.CreateDirectory(_output);
        var config = Path.Combine(_output, "openai.yaml");
        File.WriteAllText(config, """
            databuilders:
              public/test/geography_qa_chat:
                blocks:
                  - name: generator
                    type: openai
                    model_id_or_path: gpt-fake-mini
            """);

        var run = await DgtProcess.RunAsync(
            ["--task-path", TaskPath, "--config-path", config, "--output-dir", _output, "--num-outputs-to-generate", "12"],
            new Dictionary<string, string> { ["OPENAI_BASE_URL"] = server.BaseUrl.ToString() });

        Assert.True(run.ExitCode == 0, run.Error);
        AssertRows(12);
        Assert.NotEmpty(server.Log.GenerationRequests);
        Assert.All(server.Log.GenerationRequests, r => Assert.Equal(FakeOpenAiPaths.Chat, r.Path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_output))
        {
            Directory.Delete(_output, recursive: true);
        }
    }

    private void AssertRows(int count)
    {
        var rows = File.ReadAllLines(FinalData).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(count, rows.Count);
        Assert.Equal(count, rows.Select(r => r.GetProperty("question").GetString()).Distinct().Count());
        Assert.All(rows, r => Assert.Equal("public/test/geography_qa_chat", r.GetProperty("task_name").GetString()));
    }
}

using Dgt.Runtime.Tests.Support;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Planning;

/// <summary>Engine settings that cannot work are start-up errors (exit 2) where they are set, and never show a password.</summary>
public sealed class EngineSettingTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Theory]
    [InlineData("ftp://models.example")]
    [InlineData("http://")]
    [InlineData("http://user:s3cr3t@")]
    public async Task An_unusable_ollama_host_is_named_by_its_variable_and_exits_2(string host)
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);

        var (code, _, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["validate", "--task-path", taskFile],
            name => name == "OLLAMA_HOST" ? host : null);

        Assert.True(code == 2, error);
        Assert.Contains("error: OLLAMA_HOST '", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_base_url_with_a_password_is_refused_where_it_is_set_without_printing_the_password()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("config.yaml", "databuilders:\n  test/qa:\n    blocks:\n      - name: generator\n        base_url: \"http://user:s3cr3t@host:99999/api\"\n");

        var (code, _, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["--task-path", taskFile, "--config-path", config, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains($"{config}:5:19: error: base_url 'http://***@host:99999/api' of block 'generator'", error, StringComparison.Ordinal);
        Assert.Contains("base_url: \"http://***********@host:99999/api\"", error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task Validating_or_refusing_a_run_leaves_no_response_cache_file_behind()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var cache = dir.Combine("cache.sqlite");

        var (validated, _, validateError) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["validate", "--task-path", taskFile, "--lm-cache", cache]);
        var broken = dir.Write("broken.yaml", Task.Replace("task_description: d\n", "", StringComparison.Ordinal));
        var (refused, _, _) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["--task-path", broken, "--lm-cache", cache, "--output-dir", dir.Combine("out")]);

        Assert.True(validated == 0, validateError);
        Assert.Equal(2, refused);
        Assert.False(File.Exists(cache));
    }

    [Fact]
    public async Task A_response_cache_path_that_is_a_directory_is_a_start_up_error()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        Directory.CreateDirectory(dir.Combine("cache"));

        var (code, _, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["validate", "--task-path", taskFile, "--lm-cache", dir.Combine("cache")]);

        Assert.True(code == 2, error);
        Assert.Contains($"The response cache '{dir.Combine("cache")}' of block 'generator' is a directory.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_may_add_a_block_that_says_its_type()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("config.yaml", "databuilders:\n  test/qa:\n    blocks:\n      - name: second_dedup\n        type: rouge_scorer\n        threshold: 0.9\n");

        var (code, output, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["validate", "--task-path", taskFile, "--config-path", config]);

        Assert.True(code == 0, error);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_task_card_and_logs_never_hold_the_password_of_a_base_url()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Responder = request => $"question {request.Number}|answer" });
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var withPassword = new UriBuilder(server.BaseUrl) { UserName = "user", Password = "s3cr3t" }.Uri.ToString();
        var config = dir.Write("config.yaml", $"databuilders:\n  test/qa:\n    blocks:\n      - name: generator\n        base_url: \"{withPassword}\"\n");

        var (code, output, error) = await ProgramRun.RunAsync(new BuiltInBlocksRegistry(), ["--task-path", taskFile, "--config-path", config, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 0, error);
        var card = File.ReadAllText(dir.Combine("out", "test", "t", "task_card.jsonl"));
        Assert.Contains("http://***********@127.0.0.1", card, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", card + File.ReadAllText(dir.Combine("out", "test", "t", "logs.jsonl")) + output + error, StringComparison.Ordinal);
    }
}

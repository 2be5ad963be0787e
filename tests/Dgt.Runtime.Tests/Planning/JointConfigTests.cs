using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

public sealed class JointConfigTests
{
    private const string Task = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    [Fact]
    public async Task Config_path_overrides_a_task_and_a_builder_block()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("config.yaml", $$"""
            task_files:
              - {{taskFile}}
            tasks:
              test/t:
                runner_config:
                  num_outputs_to_generate: 4
            databuilders:
              test/qa:
                blocks:
                  - name: dedup
                    filter: false
            """);

        // All replies repeat: only with the dedup filter switched off can the task reach 4 rows.
        var registry = new TestRegistry((_, _) => "same|answer");
        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--config-path", config, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 0, error);
        Assert.Equal(4, File.ReadAllLines(dir.Combine("out", "test", "t", "final_data.jsonl")).Length);
    }

    [Fact]
    public async Task A_block_an_override_adds_is_named_in_the_summary_with_where_it_came_from()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("config.yaml", """
            databuilders:
              test/qa:
                blocks:
                  - name: strict_dedup
                    type: exact_dedup
                    filter: true
            """);

        var (code, output, error) = await ProgramRun.RunAsync(new TestRegistry((n, _) => $"q{n}|a"),
            ["--task-path", taskFile, "--config-path", config, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "2"]);

        Assert.True(code == 0, error);
        Assert.Contains($"builder test/qa: block 'strict_dedup' (exact_dedup) added by the override at {config}:4:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("block 'dedup' (exact_dedup) added", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_in_a_config_override_point_into_the_config_file()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("config.yaml", """
            databuilders:
              test/qa:
                blocks:
                  - name: dedup
                    filter: sometimes
            """);

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--config-path", config, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains($"{config}:5:17: error: 'filter' of block 'dedup' (exact_dedup) must be true or false, not 'sometimes'.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_builder_yaml_given_as_config_path_is_explained()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var config = dir.Write("builder.yaml", TestRegistry.DefaultBuilderYaml);

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--config-path", config]);

        Assert.Equal(2, code);
        Assert.Contains("looks like a builder YAML", error, StringComparison.Ordinal);
        Assert.Contains("--include-builder-paths", error, StringComparison.Ordinal);
    }
}

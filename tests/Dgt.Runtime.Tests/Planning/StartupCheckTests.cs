using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

public sealed class StartupCheckTests
{
    [Fact]
    public async Task Every_problem_of_a_task_file_is_listed_with_its_location_and_nothing_is_written()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", """
            task_name: test/bad
            task_description: broken on purpose
            data_builder: test/qa
            num_outputs_to_generate: 5
            runner_config:
              seed_batch_sise: 3
            seed_examples:
              - question: only a question
              - question: q
                answer: a
                colour: blue
            """);
        var registry = new TestRegistry((n, _) => $"q{n}|a");

        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, error);
        Assert.Contains($"{taskFile}:4:1: error: 'num_outputs_to_generate' belongs under 'runner_config:'", error, StringComparison.Ordinal);
        Assert.Contains($"{taskFile}:6:3: error: Unknown key 'seed_batch_sise' in 'runner_config'. Did you mean 'seed_batch_size'?", error, StringComparison.Ordinal);
        Assert.Contains($"{taskFile}:8:5: error: Seed example 1 has no 'answer', which QaRow requires.", error, StringComparison.Ordinal);
        Assert.Contains($"{taskFile}:11:5: error: Seed example 2 has key 'colour', which QaRow does not have.", error, StringComparison.Ordinal);
        Assert.Contains("4 errors; nothing was run or written.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
        Assert.Equal(0, registry.Engine!.Calls);
    }

    [Fact]
    public async Task An_unknown_builder_is_reported_at_data_builder_with_a_suggestion()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", "task_name: t\ntask_description: d\ndata_builder: test/qaa\nseed_examples:\n  - {question: q, answer: a}\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains($"{taskFile}:3:15: error: No builder is named 'test/qaa'. Did you mean 'test/qa'?", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../escape")]
    [InlineData("/etc/dgt")]
    [InlineData("a/../../b")]
    public async Task A_task_name_that_leaves_the_output_directory_is_refused(string name)
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", $"task_name: {name}\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {{question: q, answer: a}}\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains($"{taskFile}:1:12: error: task_name", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task Builder_yaml_problems_are_located_in_the_builder_yaml()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", "task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n");
        var builderYaml = """
            name: test/qa
            blocks:
              - name: generatr
                type: scripted
                model_id_or_path: m
              - name: dedup
                type: exact_dedupe
            postprocessors:
              - name: dedup
            """;

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y", builderYaml), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains("test/qa.yaml:7:11: error: Block 'dedup' has unknown type 'exact_dedupe'. Did you mean 'exact_dedup'?", error, StringComparison.Ordinal);
        Assert.Contains("test/qa.yaml:2:1: error: The builder's field 'generator' (Dgt.LMProvider) has no block named 'generator'. Did you mean 'generatr'?", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_checks_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", "task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n");
        var registry = new TestRegistry((_, _) => "x|y");

        var (code, output, _) = await ProgramRun.RunAsync(registry, ["validate", "--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.Equal(0, code);
        Assert.Contains("configuration is valid", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
        Assert.Equal(0, registry.Engine!.Calls);
    }

    [Fact]
    public async Task A_missing_task_file_and_a_bad_flag_exit_2()
    {
        var registry = new TestRegistry((_, _) => "x|y");

        Assert.Equal(2, (await ProgramRun.RunAsync(registry, ["--task-path", "/nonexistent/task.yaml"])).ExitCode);
        Assert.Equal(2, (await ProgramRun.RunAsync(registry, ["--task-path", "x", "--num-outputs-to-generate", "many"])).ExitCode);
        Assert.Equal(2, (await ProgramRun.RunAsync(registry, [])).ExitCode);
    }
}

using System.Diagnostics;
using System.Text;
using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Planning;

/// <summary>Malicious or broken task files: each a clear error, exit 2, nothing written, bounded time.</summary>
public sealed class HostileInputTests
{
    public static TheoryData<string, byte[], string> Cases()
    {
        var bomb = new StringBuilder("task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\nx0: &x0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (var i = 1; i < 10; i++)
        {
            bomb.Append($"x{i}: &x{i} [{string.Join(", ", Enumerable.Repeat("*x" + (i - 1), 10))}]\n");
        }

        return new TheoryData<string, byte[], string>
        {
            { "alias bomb", Encoding.UTF8.GetBytes(bomb.ToString()), "alias bomb" },
            { "deep nesting", Encoding.UTF8.GetBytes("task_name: t\nx: " + new string('[', 5000) + new string(']', 5000) + "\n"), "nested deeper than" },
            { "non-UTF-8 bytes", [.. "task_name: t\ntask_description: "u8.ToArray(), 0xff, 0xfe, 0x41, (byte)'\n'], "not valid UTF-8" },
            { "huge file", Encoding.UTF8.GetBytes("task_name: t\ntask_description: " + new string('x', 17 * 1024 * 1024) + "\n"), "limited to 16 MiB" },
            { "not a mapping", Encoding.UTF8.GetBytes("- just\n- a list\n"), "must be a mapping" },
            { "binary junk", [0x00, 0x01, 0x02, 0x1b, 0x5b, 0x00], "must be a mapping of keys" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_task_file_is_refused_quickly_with_exit_2_and_nothing_written(string name, byte[] content, string expected)
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Combine("task.yaml");
        await File.WriteAllBytesAsync(taskFile, content);
        var clock = Stopwatch.StartNew();

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.True(code == 2, name + ": " + error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(taskFile, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
        Assert.DoesNotContain('\u001b', error);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{name} took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_directory_where_a_seed_file_is_expected_is_refused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("seeds.yaml"));
        var taskFile = dir.Write("task.yaml", $"task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_datastore:\n  type: default\n  data_path: {dir.Combine("seeds.yaml")}\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains("is a directory, where a file was expected", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task An_unreadable_task_file_is_a_clear_error()
    {
        // Permission bits do not stop every user, but reading this file always fails with an I/O error.
        const string unreadable = "/proc/self/mem";
        using var dir = new TempDirectory();

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", unreadable, "--output-dir", dir.Combine("out")]);

        Assert.Equal(2, code);
        Assert.Contains($"'{unreadable}' cannot be read", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    [Fact]
    public async Task Asking_for_formatted_output_without_a_formatter_is_refused()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", "task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--save-formatted-output"]);

        Assert.Equal(2, code);
        Assert.Contains("no formatter types", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Seeds_from_a_jsonl_file_are_read_with_their_line_numbers()
    {
        using var dir = new TempDirectory();
        var seeds = dir.Write("seeds.jsonl", "{\"question\": \"q1\", \"answer\": \"a1\"}\n{\"question\": \"q2\"}\n");
        var taskFile = dir.Write("task.yaml", "task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_datastore:\n  type: default\n  data_path: ${SEED_DIR}/seeds.jsonl\n");

        var (code, _, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")],
            name => name == "SEED_DIR" ? dir.Path : null);

        Assert.Equal(2, code);
        Assert.Contains($"{seeds}:2:2: error: Seed example 2 has no 'answer', which QaRow requires.", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OPENAI_API_KEY")]
    [InlineData("HF_TOKEN")]
    [InlineData("client_secret")]
    [InlineData("DB_PASSWORD_FILE")]
    public async Task A_path_never_takes_the_value_of_a_variable_whose_name_marks_a_secret(string variable)
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", $"task_name: t\ntask_description: d\ndata_builder: test/qa\nseed_datastore:\n  type: default\n  data_path: ${{{variable}}}/seeds.jsonl\n");

        var (code, output, error) = await ProgramRun.RunAsync(new TestRegistry((_, _) => "x|y"), ["--task-path", taskFile, "--output-dir", dir.Combine("out")],
            name => name == variable ? "sk-live-5ecret" : null);

        Assert.Equal(2, code);
        Assert.Contains($"{taskFile}:5:3: error: seed_datastore.data_path uses ${{{variable}}}, whose name marks a secret", error, StringComparison.Ordinal);
        Assert.DoesNotContain("5ecret", output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }
}

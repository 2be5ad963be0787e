using System.Text.Json;
using Dgt.Runtime.Tests.Support;

namespace Dgt.Runtime.Tests.Generation;

public sealed class GenerationLoopTests
{
    private const string Task = """
        task_name: test/qa_task
        task_description: questions
        data_builder: test/qa
        seed_examples:
          - question: seed one
            answer: a1
          - question: seed two
            answer: a2
          - question: seed three
            answer: a3
        """;

    [Fact]
    public async Task Final_data_holds_exactly_the_requested_rows_in_generation_order()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((n, _) => $"question {n}|answer {n}");

        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "7"]);

        Assert.True(code == 0, error);
        var rows = ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl"));
        Assert.Equal(7, rows.Count);
        var generated = ReadRows(dir.Combine("out", "test", "qa_task", "data.jsonl"));
        Assert.Equal(generated.Take(7).Select(r => r.GetRawText()), rows.Select(r => r.GetRawText()));
        Assert.Equal(7, rows.Select(r => r.GetProperty("question").GetString()).Distinct().Count());
        Assert.All(rows, r => Assert.False(r.GetProperty("is_seed").GetBoolean()));
        Assert.All(rows, r => Assert.Equal("test/qa_task", r.GetProperty("task_name").GetString()));

        // Every attempt's rows are in data.jsonl, even those beyond the target.
        Assert.True(ReadRows(dir.Combine("out", "test", "qa_task", "data.jsonl")).Count >= 7);
    }

    [Fact]
    public async Task Duplicates_are_removed_by_the_postprocessor_and_generation_continues_until_the_target()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);

        // Every second reply repeats an earlier question.
        var registry = new TestRegistry((n, _) => n % 2 == 0 ? "question 1|again" : $"question {n}|answer {n}");

        var (code, _, error) = await ProgramRun.RunAsync(registry, ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "6"]);

        Assert.True(code == 0, error);
        var taskDir = dir.Combine("out", "test", "qa_task");
        var questions = ReadRows(Path.Combine(taskDir, "final_data.jsonl")).Select(r => r.GetProperty("question").GetString()).ToList();
        Assert.Equal(6, questions.Count);
        Assert.Equal(questions.Count, questions.Distinct().Count());
        var rejects = ReadRows(Path.Combine(taskDir, "blocks", "dedup.jsonl"));
        Assert.NotEmpty(rejects);
        Assert.All(rejects, r => Assert.Equal("question 1", r.GetProperty("row").GetProperty("question").GetString()));

        // Each repeat is listed once, however many postprocessing rounds saw it.
        var repeats = ReadRows(Path.Combine(taskDir, "data.jsonl")).Count(r => r.GetProperty("question").GetString() == "question 1") - 1;
        Assert.Equal(repeats, rejects.Count);
    }

    [Fact]
    public async Task A_task_that_gets_nothing_stalls_and_exits_3_with_what_it_has()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((_, _) => "no separator here");

        var (code, _, error) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "5", "--max-stalled-requests", "3"]);

        Assert.Equal(3, code);
        Assert.Contains("0 of 5 rows", error, StringComparison.Ordinal);
        Assert.Empty(ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl")));
        Assert.Equal(3 * 3, registry.Engine!.Calls);
        var results = File.ReadAllLines(dir.Combine("out", "test", "qa_task", "task_results.jsonl"));
        Assert.Contains("\"status\":\"incomplete\"", results[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_where_every_request_fails_stops_with_the_reason_instead_of_stalling()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((_, _) => null);

        var (code, _, error) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "5", "--max-stalled-requests", "2"]);

        Assert.Equal(1, code);
        Assert.Contains("All 6 requests of the last 2 attempts failed", error, StringComparison.Ordinal);
        Assert.Contains("scripted failure", error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.Combine("out", "test", "qa_task", "final_data.jsonl")));
        Assert.Contains("\"status\":\"errored\"", File.ReadAllLines(dir.Combine("out", "test", "qa_task", "task_results.jsonl"))[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_attempt_starts_while_the_slowest_request_of_the_current_one_still_runs()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var started = 0;
        var startedBeforeSlowOneEnded = -1;
        var registry = new TestRegistry((n, _) =>
        {
            Interlocked.Increment(ref started);
            if (n == 1)
            {
                // The first request of attempt 1 is slow: it lasts until a fourth request has started (attempt 1 holds
                // three), or gives up after a while, which the assertion below then reports.
                SpinWait.SpinUntil(() => Volatile.Read(ref started) > 3, TimeSpan.FromSeconds(10));
                Interlocked.Exchange(ref startedBeforeSlowOneEnded, Volatile.Read(ref started));
            }

            return $"question {n}|answer {n}";
        });

        var (code, _, error) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "20", "--machine-batch-size", "0"]);

        Assert.True(code == 0, error);

        // Attempt 1 holds 3 requests: more had started before its slow one ended, so attempt 2 overlapped it
        // (with no machine rows asked for, nothing has to be waited for before overlapping).
        Assert.True(startedBeforeSlowOneEnded > 3, $"{startedBeforeSlowOneEnded} requests had started");
        Assert.Equal(20, File.ReadAllLines(dir.Combine("out", "test", "qa_task", "final_data.jsonl")).Length);
    }

    [Fact]
    public async Task Overlap_allows_for_inputs_that_yield_several_rows_and_makes_no_attempt_the_rules_would_not()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((n, _) => $"question {n}|answer {n}\nquestion {n} again|answer {n} again");

        var (code, _, error) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "17", "--seed-batch-size", "3", "--machine-batch-size", "0"]);

        // Two rows per input, three inputs an attempt: 6, 12, 18 rows after attempts 1 to 3, so a fourth attempt would be
        // one the sequential rules never make. Attempt 3 may not overlap a fourth once attempt 1 showed the yield.
        Assert.True(code == 0, error);
        Assert.Equal(9, registry.Engine!.Calls);
        Assert.Equal(18, ReadRows(dir.Combine("out", "test", "qa_task", "data.jsonl")).Count);
        Assert.Equal(17, ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl")).Count);
    }

    [Fact]
    public async Task Max_gen_requests_caps_the_attempts()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var registry = new TestRegistry((n, _) => $"question {n}|answer {n}");

        var (code, _, _) = await ProgramRun.RunAsync(registry,
            ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "100", "--max-gen-requests", "2", "--seed-batch-size", "3", "--machine-batch-size", "0"]);

        Assert.Equal(3, code);
        Assert.Equal(6, registry.Engine!.Calls);
        Assert.Equal(6, ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl")).Count);
    }

    [Fact]
    public async Task A_rerun_resumes_from_the_rows_on_disk_and_continues_the_seed_cursor()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var prompts = new List<string>();
        var registry = new TestRegistry((n, prompt) =>
        {
            lock (prompts)
            {
                prompts.Add(prompt);
            }

            return $"question {Guid.NewGuid():N}|answer";
        });
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--seed-batch-size", "2", "--machine-batch-size", "0"];

        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "2"])).ExitCode);
        var firstRun = ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl"));
        prompts.Clear();
        Assert.Equal(0, (await ProgramRun.RunAsync(registry, [.. args, "--num-outputs-to-generate", "4"])).ExitCode);

        var secondRun = ReadRows(dir.Combine("out", "test", "qa_task", "final_data.jsonl"));
        Assert.Equal(4, secondRun.Count);
        Assert.Equal(firstRun.Select(r => r.GetRawText()), secondRun.Take(2).Select(r => r.GetRawText()));

        // The first run used seeds one and two; the rerun continues with three, then wraps to one.
        Assert.Equal(["Q: seed three", "Q: seed one"], prompts.Order(StringComparer.Ordinal).Reverse().ToArray());
    }

    [Fact]
    public async Task Restart_generation_starts_over()
    {
        using var dir = new TempDirectory();
        var taskFile = dir.Write("task.yaml", Task);
        var counter = 0;
        var registry = new TestRegistry((_, _) => $"question {Interlocked.Increment(ref counter)}|answer");
        string[] args = ["--task-path", taskFile, "--output-dir", dir.Combine("out"), "--num-outputs-to-generate", "3"];

        await ProgramRun.RunAsync(registry, args);
        var (code, _, _) = await ProgramRun.RunAsync(registry, [.. args, "--restart-generation"]);

        Assert.Equal(0, code);
        var data = ReadRows(dir.Combine("out", "test", "qa_task", "data.jsonl"));
        Assert.Equal(3, data.Count);
        Assert.All(data, row => Assert.Contains(row.GetProperty("question").GetString(), new[] { "question 4", "question 5", "question 6" }));
        Assert.Single(File.ReadAllLines(dir.Combine("out", "test", "qa_task", "task_card.jsonl")));
    }

    private static List<JsonElement> ReadRows(string path) =>
        [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone())];
}

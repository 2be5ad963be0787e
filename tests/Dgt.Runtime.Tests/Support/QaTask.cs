namespace Dgt.Runtime.Tests.Support;

/// <summary>
/// A task of the <c>test/qa</c> builder in a temporary directory of its own, run through the program as often as a test
/// needs, each reply a new row (<c>question N|a</c>), so a rerun can resume, restart or be refused.
/// </summary>
public sealed class QaTask : IDisposable
{
    /// <summary>The task file every such test starts from.</summary>
    public const string Yaml = "task_name: test/t\ntask_description: d\ndata_builder: test/qa\nseed_examples:\n  - {question: q, answer: a}\n";

    private int _replies;

    public QaTask(string yaml = Yaml)
    {
        TaskFile = Dir.Write("task.yaml", yaml);
        Registry = new TestRegistry((_, _) => $"question {Interlocked.Increment(ref _replies)}|a");
    }

    public TempDirectory Dir { get; } = new();

    public string TaskFile { get; }

    public TestRegistry Registry { get; }

    /// <summary>The task's own directory under the output directory.</summary>
    public string TaskDirectory => Dir.Combine("out", "test", "t");

    /// <summary>The program's arguments for this task, before any of the test's own.</summary>
    public string[] Args => ["--task-path", TaskFile, "--output-dir", Dir.Combine("out")];

    /// <summary>Rewrites the task file (a changed configuration).</summary>
    public void Rewrite(string yaml) => Dir.Write("task.yaml", yaml);

    public Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] extra) => ProgramRun.RunAsync(Registry, [.. Args, .. extra]);

    public void Dispose() => Dir.Dispose();
}

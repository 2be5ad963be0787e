using Dgt.Runtime.Reporting;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Run;

/// <summary>What every builder's run shares: the log, the progress display, the environment, the run's ids and its hold on the task directories.</summary>
public sealed record RunContext(
    RunLog Log,
    RunProgress Progress,
    Func<string, string?> Environment,
    string RunId,
    string BuildId,
    TaskDirectoryLocks Locks);

using Dgt.Runtime.Reporting;

namespace Dgt.Runtime.Run;

/// <summary>What every builder's run shares: the log, the progress display, the environment and the run's ids.</summary>
public sealed record RunContext(
    RunLog Log,
    RunProgress Progress,
    Func<string, string?> Environment,
    string RunId,
    string BuildId);

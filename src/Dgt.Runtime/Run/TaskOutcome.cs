
namespace Dgt.Runtime.Run;

/// <summary>How a task ended.</summary>
public sealed record TaskOutcome(
    string Name,
    string Builder,
    TaskEndReason EndReason,
    int FinalRows,
    int Target,
    long Generated,
    long Rejected,
    int Attempts,
    string OutputDirectory);

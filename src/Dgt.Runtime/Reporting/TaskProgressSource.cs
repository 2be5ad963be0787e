namespace Dgt.Runtime.Reporting;

/// <summary>Live figures of one task, read by the progress line and the summary.</summary>
public sealed record TaskProgressSource(
    string Name,
    int Target,
    Func<int> Rows,
    Func<long> Generated,
    Func<long> Rejected,
    Func<int> Attempts);

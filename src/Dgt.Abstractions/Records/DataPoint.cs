namespace Dgt;

/// <summary>
/// The base of every seed and generated row. Serialised as <c>task_name</c> and <c>is_seed</c>.
/// </summary>
public abstract record DataPoint
{
    /// <summary>The task the row belongs to; outputs are routed back to their task by it.</summary>
    public string TaskName { get; init; } = "";

    /// <summary>True for rows that came from the task's seeds rather than from a builder.</summary>
    public bool IsSeed { get; init; }
}

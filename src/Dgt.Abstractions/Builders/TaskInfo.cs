namespace Dgt;

/// <summary>What a builder may know of a task it serves.</summary>
public sealed record TaskInfo(string Name, string Description, string CreatedBy);

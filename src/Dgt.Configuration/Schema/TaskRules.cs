namespace Dgt.Configuration.Schema;

/// <summary>The rules of a task YAML that need the program's builders, with their words.</summary>
public static class TaskRules
{
    public static readonly ConfigRule UnknownBuilder = new(DiagnosticIds.TaskWithoutBuilder,
        "No builder is named '{0}'.{1}", "Builders in this program: {2}.");

    public static readonly ConfigRule SeedMissingField = new(DiagnosticIds.SeedMissingField,
        "Seed example {0} has no '{1}', which {2} requires.", "Add '{1}: <{3}>'.");

    public static readonly ConfigRule SeedUnknownKey = new(DiagnosticIds.SeedUnknownKey,
        "Seed example {0} has key '{1}', which {2} does not have.{3}", "Valid keys: {4}.");

    public static readonly ConfigRule SeedWrongValue = new(DiagnosticIds.SeedWrongValue,
        "'{0}' of seed example {1} must be {2}, not {3}.");

    public static readonly ConfigRule SeedOfAnotherTask = new(DiagnosticIds.SeedOfAnotherTask,
        "Seed example {0} names task '{1}', but it is a seed of task '{2}': every row made from it would be routed to no task and dropped.",
        "Remove its task_name: a seed takes its task's name.");
}

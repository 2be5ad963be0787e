namespace Dgt.Configuration.Schema;

/// <summary>The rules of a task YAML that need the program's builders, with their words.</summary>
public static class TaskRules
{
    public static readonly ConfigRule UnknownBuilder = new(DiagnosticIds.TaskWithoutBuilder,
        "No builder is named '{0}'.{1}", "Builders in this program: {2}.");
}

using Dgt.Configuration;
using Dgt.Runtime.Cli;
using Dgt.Runtime.Tasks;

namespace Dgt.Runtime.Planning;

/// <summary>
/// Start-up: reads every task file and builder YAML, builds every block and seed, and collects every problem, so that
/// a wrong configuration is reported whole before anything is written or sent.
/// </summary>
public static class RunPlanner
{
    /// <summary>The plan, or null when <paramref name="problems"/> holds why not.</summary>
    public static RunPlan? Plan(RunRequest request, IBuilderRegistry registry, Func<string, string?> environment, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(problems);
        if (request.ConfigPath is not null)
        {
            problems.Add(new ConfigProblem(SourceSpan.StartOf(request.ConfigPath), "--config-path is not supported yet.", "Edit the task or builder YAML, or pass --include-builder-paths with an overriding builder YAML."));
        }

        var tasks = ReadTasks(request, problems);
        var overrides = BuilderOverrides.Load(request.IncludeBuilderPaths, problems);
        var builders = new List<IPreparedBuilder>();
        foreach (var group in tasks.GroupBy(t => t.DataBuilder, StringComparer.Ordinal))
        {
            var registration = registry.Builders.FirstOrDefault(b => b.Name == group.Key);
            if (registration is null)
            {
                var known = registry.Builders.Select(b => b.Name).ToList();
                foreach (var task in group)
                {
                    problems.Add(new ConfigProblem(task.DataBuilderSpan,
                        $"No builder is named '{group.Key}'.{Suggestions.DidYouMean(group.Key, known)}",
                        "Builders in this program: " + string.Join(", ", known) + "."));
                }

                continue;
            }

            var source = overrides.TryGetValue(registration.Name, out var replaced) ? replaced : new BuilderSource(registration.YamlPath, registration.Yaml);
            var prepared = registration.Accept(new BuilderPreparer(source, [.. group], registry.BlockTypes, environment, problems));
            if (prepared is not null)
            {
                builders.Add(prepared);
            }
        }

        return problems.Count > 0 ? null : new RunPlan(builders);
    }

    private static List<TaskDefinition> ReadTasks(RunRequest request, List<ConfigProblem> problems)
    {
        var tasks = new List<TaskDefinition>();
        foreach (var file in TaskFileLocator.Locate(request.TaskPaths, problems))
        {
            var before = problems.Count;
            var root = ConfigFile.ReadYaml(file, problems);
            if (problems.Count > before)
            {
                continue;
            }

            var task = TaskFileReader.Read(root, file, request.Overrides, problems);
            if (task is null)
            {
                continue;
            }

            var clash = tasks.FirstOrDefault(t => t.Name == task.Name);
            if (clash is not null)
            {
                var at = task.Source.TryGetValue("task_name", out var node) ? node.Span : task.Source.Span;
                problems.Add(new ConfigProblem(at, $"Task '{task.Name}' is also defined in {clash.FilePath}.", "Give each task its own task_name."));
                continue;
            }

            tasks.Add(task);
        }

        return tasks;
    }
}

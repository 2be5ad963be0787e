using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Cli;
using Dgt.Runtime.Configuration;
using Dgt.Runtime.Run;

namespace Dgt.Runtime.Startup;

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
        var joint = JointConfig.Load(request.ConfigPath, problems);
        var tasks = ReadTasks(request, joint, problems);
        var overrides = BuilderOverrides.Load(request.IncludeBuilderPaths, [.. registry.Builders.Select(b => b.Name)], problems);
        var builders = new List<IPreparedBuilder>();

        // One run's blocks share what they share (an endpoint's flow control) through these, whatever builder holds them.
        var resources = new RunResources();
        foreach (var group in tasks.GroupBy(t => t.DataBuilder, StringComparer.Ordinal))
        {
            var registration = registry.Builders.FirstOrDefault(b => b.Name == group.Key);
            if (registration is null)
            {
                var known = registry.Builders.Select(b => b.Name).ToList();
                foreach (var task in group)
                {
                    TaskRules.UnknownBuilder.Report(problems, task.DataBuilderSpan, group.Key, Suggestions.DidYouMean(group.Key, known),
                        known.Count == 0 ? "none" : string.Join(", ", known));
                }

                continue;
            }

            var source = overrides.TryGetValue(registration.Name, out var replaced) ? replaced : new BuilderSource(registration.YamlPath, registration.Yaml);
            var builderOverride = joint.Builders.GetValueOrDefault(registration.Name);
            var prepared = registration.Accept(new BuilderPreparer(source, builderOverride, [.. group], registry.BlockTypes, environment, resources, problems));
            if (prepared is not null)
            {
                builders.Add(prepared);
            }
        }

        foreach (var name in joint.Builders.Keys.Where(name => registry.Builders.All(b => b.Name != name)))
        {
            problems.Add(new ConfigProblem(joint.Builders[name].Span, $"The --config-path file overrides builder '{name}', which does not exist.{Suggestions.DidYouMean(name, registry.Builders.Select(b => b.Name))}", null));
        }

        return problems.Count > 0 ? null : new RunPlan(builders);
    }

    private static List<TaskDefinition> ReadTasks(RunRequest request, JointConfig joint, List<ConfigProblem> problems)
    {
        var tasks = new List<TaskDefinition>();
        var overridden = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in TaskFileLocator.Locate([.. request.TaskPaths, .. joint.TaskFiles], problems))
        {
            var before = problems.Count;
            var root = ConfigFile.ReadYaml(file, problems);
            if (problems.Count > before)
            {
                continue;
            }

            if (root is ConfigMapping mapping && mapping.GetScalar("task_name") is { } name && joint.Tasks.TryGetValue(name, out var taskOverride))
            {
                root = ConfigMerge.Shallow(mapping, taskOverride);
                overridden.Add(name);
            }

            Add(TaskFileReader.Read(root, file, request.Overrides, problems));
        }

        // Tasks that only the --config-path file defines.
        foreach (var (name, settings) in joint.Tasks.Where(t => !overridden.Contains(t.Key)))
        {
            var withName = settings.TryGetEntry("task_name", out _)
                ? settings
                : new ConfigMapping([new ConfigEntry(new ConfigScalar(name, isPlain: false, settings.Span), new ConfigScalar(name, isPlain: false, settings.Span)), .. settings.Entries], settings.Span);
            Add(TaskFileReader.Read(withName, request.ConfigPath!, request.Overrides, problems));
        }

        return tasks;

        void Add(TaskDefinition? task)
        {
            if (task is null)
            {
                return;
            }

            var clash = tasks.FirstOrDefault(t => t.Name == task.Name);
            if (clash is not null)
            {
                var at = task.Source.TryGetValue("task_name", out var node) ? node.Span : task.Source.Span;
                problems.Add(new ConfigProblem(at, $"Task '{task.Name}' is also defined in {clash.FilePath}.", "Give each task its own task_name."));
                return;
            }

            tasks.Add(task);
        }
    }
}

using Dgt.Configuration;
using Dgt.Runtime.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>
/// The <c>--config-path</c> file: <c>databuilders</c> (block overrides per builder), <c>tasks</c> (task overrides by
/// task_name) and <c>task_files</c> (more task files).
/// </summary>
public sealed record JointConfig(
    IReadOnlyList<string> TaskFiles,
    IReadOnlyDictionary<string, ConfigMapping> Tasks,
    IReadOnlyDictionary<string, ConfigMapping> Builders)
{
    private static readonly string[] Keys = ["databuilders", "tasks", "task_files"];

    /// <summary>No overrides.</summary>
    public static JointConfig Empty { get; } = new([], new Dictionary<string, ConfigMapping>(), new Dictionary<string, ConfigMapping>());

    /// <summary>Reads the file; problems are located in it.</summary>
    public static JointConfig Load(string? path, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (path is null)
        {
            return Empty;
        }

        var root = ConfigFile.ReadYaml(path, problems);
        if (root is null)
        {
            return Empty;
        }

        if (root is not ConfigMapping mapping)
        {
            problems.Add(new ConfigProblem(root.Span, "A --config-path file must be a mapping with databuilders, tasks or task_files.", null));
            return Empty;
        }

        var map = new YamlConfigMap(mapping, problems, "the --config-path file");
        map.ReportUnknownKeys(Keys);
        if (mapping.GetScalar("blocks") is not null || mapping.TryGetValue("blocks", out _))
        {
            problems.Add(new ConfigProblem(mapping.Span, "This looks like a builder YAML, not a --config-path file.",
                "Pass builder YAMLs with --include-builder-paths, or wrap it as 'databuilders: {<builder name>: {blocks: …}}'."));
        }

        var taskFiles = map.TryGetStringList("task_files", out var files) ? files : [];
        return new JointConfig(taskFiles, ByName(mapping, "tasks", problems), ByName(mapping, "databuilders", problems));
    }

    private static Dictionary<string, ConfigMapping> ByName(ConfigMapping root, string key, List<ConfigProblem> problems)
    {
        var result = new Dictionary<string, ConfigMapping>(StringComparer.Ordinal);
        if (!root.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return result;
        }

        if (node is not ConfigMapping byName)
        {
            problems.Add(new ConfigProblem(node.Span, $"'{key}' must map names to settings, not be {node.KindName}.", null));
            return result;
        }

        foreach (var entry in byName.Entries)
        {
            if (entry.Value is ConfigMapping settings)
            {
                result[entry.Key.Value] = settings;
            }
            else
            {
                problems.Add(new ConfigProblem(entry.Value.Span, $"The settings of '{entry.Key.Value}' must be a mapping, not {entry.Value.KindName}.", null));
            }
        }

        return result;
    }
}

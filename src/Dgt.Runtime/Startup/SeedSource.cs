using Dgt.Configuration;
using Dgt.Runtime.Configuration;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Startup;

/// <summary>The seed rows of a task as mappings: inline <c>seed_examples</c> first, then the <c>seed_datastore</c> file.</summary>
public static class SeedSource
{
    /// <summary>Every seed mapping of <paramref name="task"/>.</summary>
    public static List<ConfigMapping> Read(TaskDefinition task, Func<string, string?> environment, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(problems);
        var rows = new List<ConfigMapping>(task.SeedExamples);
        if (task.SeedDatastore?.DataPath is not { } rawPath)
        {
            return rows;
        }

        var at = task.SeedDatastoreSpan ?? task.Source.Span;
        var path = PathVariables.Expand(rawPath, "seed_datastore.data_path", environment, at, problems);
        if (path is null)
        {
            return rows;
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        switch (extension)
        {
            case ".jsonl":
                if (!File.Exists(path))
                {
                    problems.Add(new ConfigProblem(at, $"The seed file '{path}' does not exist.", "Fix seed_datastore.data_path."));
                    return rows;
                }

                rows.AddRange(JsonlFile.ReadMappings(path, problems, message => problems.Add(new ConfigProblem(at, message, null))));
                break;
            case ".json":
            case ".yaml":
            case ".yml":
                var text = ConfigFile.ReadText(path, problems);
                var root = text is null ? null : extension == ".json" ? JsonConfigReader.Read(text, path, 1, problems) : YamlConfigReader.Read(text, path, problems);
                if (root is ConfigSequence list)
                {
                    foreach (var item in list.Items)
                    {
                        if (item is ConfigMapping mapping)
                        {
                            rows.Add(mapping);
                        }
                        else
                        {
                            problems.Add(new ConfigProblem(item.Span, $"Each seed row must be a mapping, not {item.KindName}.", null));
                        }
                    }
                }
                else if (root is not null)
                {
                    problems.Add(new ConfigProblem(root.Span, $"A seed file must hold a list of rows, not {root.KindName}.", null));
                }

                break;
            default:
                problems.Add(new ConfigProblem(at, $"Seed files ending in '{extension}' cannot be read.", "Use .jsonl, .json or .yaml."));
                break;
        }

        return rows;
    }
}

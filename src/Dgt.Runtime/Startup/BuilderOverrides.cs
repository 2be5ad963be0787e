using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Builder YAMLs given at run time (<c>--include-builder-paths</c>) that replace the compiled-in ones.</summary>
public static class BuilderOverrides
{
    /// <summary>
    /// The overriding YAMLs by builder name. A builder YAML whose name no builder of <paramref name="builders"/> has is
    /// reported: it would otherwise be ignored without a word.
    /// </summary>
    public static Dictionary<string, BuilderSource> Load(IEnumerable<string> paths, IReadOnlyCollection<string> builders, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(builders);
        ArgumentNullException.ThrowIfNull(problems);
        var byName = new Dictionary<string, BuilderSource>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> files = Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                : [path];
            foreach (var file in files)
            {
                var text = ConfigFile.ReadText(file, problems);
                if (text is null)
                {
                    continue;
                }

                var root = YamlConfigReader.Read(text, file, problems);

                // Files without a top-level name (prompts, policies) are not builder YAMLs.
                if (root is ConfigMapping mapping && mapping.GetScalar("name") is { } name)
                {
                    if (!builders.Contains(name))
                    {
                        problems.Add(new ConfigProblem(mapping.TryGetValue("name", out var nameNode) ? nameNode.Span : mapping.Span,
                            $"This builder YAML is named '{name}', but no builder of this program has that name.{Suggestions.DidYouMean(name, builders)}",
                            "Builders in this program: " + string.Join(", ", builders) + "."));
                        continue;
                    }

                    byName[name] = new BuilderSource(file, text);
                }
            }
        }

        return byName;
    }
}

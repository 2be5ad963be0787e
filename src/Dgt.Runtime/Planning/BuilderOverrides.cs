using Dgt.Configuration;

namespace Dgt.Runtime.Planning;

/// <summary>Builder YAMLs given at run time (<c>--include-builder-paths</c>) that replace the compiled-in ones.</summary>
public static class BuilderOverrides
{
    /// <summary>The overriding YAMLs by builder name.</summary>
    public static Dictionary<string, BuilderSource> Load(IEnumerable<string> paths, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
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
                    byName[name] = new BuilderSource(file, text);
                }
            }
        }

        return byName;
    }
}

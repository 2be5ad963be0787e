using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>Turns <c>--task-path</c> arguments into task files: a file as given, a directory searched for task.yaml.</summary>
public static class TaskFileLocator
{
    /// <summary>The task files, in the order given (a directory's in path order), each once.</summary>
    public static IReadOnlyList<string> Locate(IEnumerable<string> paths, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var files = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "task.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0)
                {
                    problems.Add(new ConfigProblem(SourceSpan.StartOf(path), $"The directory '{path}' holds no task.yaml.", "Point --task-path at a task file or a directory of them."));
                }

                found.ForEach(Add);
            }
            else
            {
                problems.Add(new ConfigProblem(SourceSpan.StartOf(path), $"No task file or directory at '{path}'.", "Check the path given to --task-path."));
            }
        }

        return files;

        void Add(string file)
        {
            if (seen.Add(Path.GetFullPath(file)))
            {
                files.Add(file);
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;

namespace Dgt.Configuration.Schema;

/// <summary>
/// Rules for <c>task_name</c>, which becomes a path under the output directory. Compiled into the source generator
/// too (netstandard2.0), so the build rejects the names the program would.
/// </summary>
public static class TaskNames
{
    /// <summary>The longest directory name most file systems take, in bytes.</summary>
    public const int MaxPartBytes = 255;

    // The files and directories a task's store keeps in its directory (the runtime's TaskOutputLayout and lock use these).
    public const string DataFile = "data.jsonl";
    public const string FinalDataFile = "final_data.jsonl";
    public const string StateFile = "generation_state.json";
    public const string TaskCardFile = "task_card.jsonl";
    public const string TaskResultsFile = "task_results.jsonl";
    public const string LogsFile = "logs.jsonl";
    public const string BlocksDirectory = "blocks";
    public const string LockFile = ".dgt.lock";
    public const string OwnerFile = ".dgt.owner";

    /// <summary>Every name above: no part of a task name below the first may take one.</summary>
    public static readonly string[] StoreFileNames =
    {
        DataFile, FinalDataFile, StateFile, TaskCardFile, TaskResultsFile, LogsFile, BlocksDirectory, LockFile, OwnerFile,
    };

    /// <summary>Why <paramref name="name"/> cannot be a task name, or null when it can.</summary>
    public static string? Problem(string name)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        if (name.Trim().Length == 0)
        {
            return "task_name is empty.";
        }

        if (Path.IsPathRooted(name) || name.StartsWith("/", StringComparison.Ordinal) || name.StartsWith("~", StringComparison.Ordinal) ||
            name.IndexOf(':') >= 0)
        {
            return $"task_name '{name}' is an absolute path; it must be a relative path such as 'public/test/geography_qa'.";
        }

        if (name.IndexOf('\\') >= 0)
        {
            return $"task_name '{name}' contains a backslash; separate its parts with '/'.";
        }

        var parts = name.Split('/');
        if (parts.Any(part => part is "" or "." or ".."))
        {
            return $"task_name '{name}' has an empty, '.' or '..' part; it must stay inside the output directory.";
        }

        if (name.Any(char.IsControl))
        {
            return $"task_name '{name}' contains a control character.";
        }

        if (parts.Any(part => part.Trim().Length != part.Length))
        {
            return $"task_name '{name}' has a part that starts or ends with a space; such directory names are easily mistyped.";
        }

        if (parts.FirstOrDefault(part => System.Text.Encoding.UTF8.GetByteCount(part) > MaxPartBytes) is { } longPart)
        {
            return $"task_name '{name}' has a part of {System.Text.Encoding.UTF8.GetByteCount(longPart)} bytes; a directory name may have at most {MaxPartBytes}.";
        }

        // Parts below the first become directories inside another task's directory when that task exists too: they
        // must not take the names of the files a task keeps there.
        if (parts.Skip(1).FirstOrDefault(part => Array.IndexOf(StoreFileNames, part) >= 0) is { } taken)
        {
            return $"task_name '{name}' has a part named '{taken}', the name of a file every task directory holds; rename that part.";
        }

        return null;
    }
}

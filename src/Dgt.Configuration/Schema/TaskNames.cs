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

        return null;
    }
}

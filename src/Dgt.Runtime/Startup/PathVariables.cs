using System.Text.RegularExpressions;
using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>
/// <c>${NAME}</c> in the paths the README says expand them (<c>seed_datastore.data_path</c>), from the environment;
/// <c>DGT_DATA_DIR</c> defaults to <c>data</c>. A variable whose name marks a secret is never expanded, so its value
/// cannot reach a path, and through it an error message or the task card.
/// </summary>
public static partial class PathVariables
{
    /// <summary>
    /// <paramref name="path"/> with its variables expanded, or null (with a problem at <paramref name="at"/>, which
    /// names <paramref name="setting"/>) when one is not set or names a secret.
    /// </summary>
    public static string? Expand(string path, string setting, Func<string, string?> environment, SourceSpan at, List<ConfigProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(problems);
        string? refused = null;
        string? missing = null;
        var expanded = Variable().Replace(path, match =>
        {
            var name = match.Groups[1].Value;
            if (IsSecretName(name))
            {
                refused ??= name;
                return match.Value;
            }

            var value = environment(name) ?? (name == "DGT_DATA_DIR" ? "data" : null);
            if (value is null)
            {
                missing ??= name;
                return match.Value;
            }

            return value;
        });
        if (refused is not null)
        {
            problems.Add(new ConfigProblem(at, $"{setting} uses ${{{refused}}}, whose name marks a secret; a path never takes a secret's value.",
                "Write the path itself, or use a variable of your own such as ${DGT_DATA_DIR}."));
            return null;
        }

        if (missing is not null)
        {
            problems.Add(new ConfigProblem(at, $"{setting} uses ${{{missing}}}, which is not set.", $"Set {missing} in the environment."));
            return null;
        }

        return expanded;
    }

    /// <summary>
    /// Whether a variable's name marks a secret (<c>*_KEY</c>, <c>*_TOKEN</c>, <c>*_SECRET</c>, <c>*PASSWORD*</c>, in any
    /// case): its value is never expanded nor printed.
    /// </summary>
    public static bool IsSecretName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var upper = name.ToUpperInvariant();
        return upper.EndsWith("_KEY", StringComparison.Ordinal) || upper.EndsWith("_TOKEN", StringComparison.Ordinal) ||
            upper.EndsWith("_SECRET", StringComparison.Ordinal) || upper.Contains("PASSWORD", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();
}

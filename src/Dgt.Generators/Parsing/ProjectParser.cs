using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

internal static class ProjectParser
{
    /// <summary>
    /// Generated types go to <c>&lt;RootNamespace&gt;.Generated</c>, else to the assembly name's: a block library and
    /// the program using it each keep their own.
    /// </summary>
    public static ProjectSpec Parse(string? rootNamespace, string? assemblyName)
    {
        var root = string.IsNullOrWhiteSpace(rootNamespace) ? assemblyName : rootNamespace;
        return new ProjectSpec(Sanitise(string.IsNullOrWhiteSpace(root) ? "Dgt" : root!) + ".Generated");
    }

    private static string Sanitise(string name)
    {
        var parts = name.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var part = new System.Text.StringBuilder();
            foreach (var c in parts[i])
            {
                part.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            parts[i] = part.Length == 0 || char.IsDigit(part[0]) ? "_" + part : part.ToString();
        }

        return string.Join(".", parts);
    }
}

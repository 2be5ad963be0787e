using System.Text;

namespace Dgt.Generators.Parsing;

/// <summary>How C# names become YAML keys.</summary>
internal static class Naming
{
    /// <summary>
    /// <c>ModelIdOrPath</c> → <c>model_id_or_path</c>, <c>TopP</c> → <c>top_p</c>, <c>HTTPServer</c> → <c>http_server</c>.
    /// </summary>
    public static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var previous = i > 0 ? name[i - 1] : '\0';
                var next = i + 1 < name.Length ? name[i + 1] : '\0';
                var startsWord = i > 0 && previous != '_' &&
                    (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && char.IsLower(next)));
                if (startsWord)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}

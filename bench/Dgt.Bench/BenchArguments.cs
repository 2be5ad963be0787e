using System.Globalization;

namespace Dgt.Bench;

/// <summary><c>--name value</c> options and <c>--flag</c> switches of a subcommand.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string?> _values;

    private BenchArguments(Dictionary<string, string?> values) => _values = values;

    public static BenchArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            values[args[i][2..]] = hasValue ? args[++i] : null;
        }

        return new BenchArguments(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public int Int(string name, int fallback) =>
        _values.GetValueOrDefault(name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) =>
        _values.GetValueOrDefault(name) is { } value ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

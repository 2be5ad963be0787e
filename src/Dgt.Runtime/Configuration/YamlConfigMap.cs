using System.Globalization;
using Dgt.Configuration;
using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Configuration;

/// <summary>
/// <see cref="IConfigMap"/> over a located <see cref="ConfigMapping"/>: what generated binders read options and seed
/// rows through. Problems are collected into the shared list with the file, line and column of the offending value.
/// </summary>
public sealed class YamlConfigMap : IConfigMap
{
    private readonly ConfigMapping _mapping;
    private readonly List<ConfigProblem> _problems;
    private readonly string _what;
    private readonly HashSet<string> _ignoredKeys;
    private readonly int _problemsAtStart;

    /// <summary>
    /// Wraps <paramref name="mapping"/>; <paramref name="what"/> names it in messages ("block 'generator'");
    /// <paramref name="ignoredKeys"/> are keys read by someone else (a block's <c>name</c>, <c>type</c>, maps).
    /// </summary>
    public YamlConfigMap(ConfigMapping mapping, List<ConfigProblem> problems, string what, IEnumerable<string>? ignoredKeys = null)
    {
        _mapping = mapping;
        _problems = problems;
        _what = what;
        _ignoredKeys = new HashSet<string>(ignoredKeys ?? [], StringComparer.Ordinal);
        _problemsAtStart = problems.Count;
        Keys = [.. mapping.Entries.Select(e => e.Key.Value).Where(k => !_ignoredKeys.Contains(k))];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Keys { get; }

    /// <inheritdoc />
    public bool HasErrors => _problems.Count > _problemsAtStart;

    /// <summary>The mapping read.</summary>
    public ConfigMapping Mapping => _mapping;

    /// <inheritdoc />
    public string? FindKey(string key, params string[] aliases)
    {
        string? found = _mapping.TryGetValue(key, out _) ? key : null;
        foreach (var alias in aliases)
        {
            if (!_mapping.TryGetEntry(alias, out var entry))
            {
                continue;
            }

            if (found is null)
            {
                found = alias;
            }
            else
            {
                Report(entry.Key.Span, $"'{alias}' and '{found}' of {_what} set the same option.", $"Keep only '{key}'.");
            }
        }

        return found;
    }

    /// <inheritdoc />
    public bool IsNull(string key) => _mapping.TryGetValue(key, out var node) && node is ConfigScalar { IsNull: true };

    /// <inheritdoc />
    public bool TryGetString(string key, out string value)
    {
        value = "";
        if (!TryGetScalar(key, "text", out var scalar))
        {
            return false;
        }

        value = scalar.Value;
        return true;
    }

    /// <inheritdoc />
    public bool TryGetInt64(string key, out long value)
    {
        value = 0;
        if (!TryGetScalar(key, "a whole number", out var scalar))
        {
            return false;
        }

        if (long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Report(scalar.Span, $"'{key}' of {_what} must be a whole number, not '{scalar.Value}'.", null);
        return false;
    }

    /// <inheritdoc />
    public bool TryGetDouble(string key, out double value)
    {
        value = 0;
        if (!TryGetScalar(key, "a number", out var scalar))
        {
            return false;
        }

        if (ValueCheck.TryReadNumber(scalar.Value, out value))
        {
            return true;
        }

        Report(scalar.Span, $"'{key}' of {_what} must be a number, not '{scalar.Value}'.", "Write it like 0.7.");
        return false;
    }

    /// <inheritdoc />
    public bool TryGetBoolean(string key, out bool value)
    {
        value = false;
        if (!TryGetScalar(key, "true or false", out var scalar))
        {
            return false;
        }

        if (ValueCheck.TryReadBoolean(scalar.Value, out value))
        {
            return true;
        }

        Report(scalar.Span, $"'{key}' of {_what} must be true or false, not '{scalar.Value}'.", null);
        return false;
    }

    /// <inheritdoc />
    public bool TryGetStringList(string key, out IReadOnlyList<string> value)
    {
        value = [];
        if (!_mapping.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return false;
        }

        if (node is ConfigScalar single)
        {
            value = [single.Value];
            return true;
        }

        if (node is not ConfigSequence sequence)
        {
            Report(node.Span, $"'{key}' of {_what} must be a list of values, not {node.KindName}.", null);
            return false;
        }

        var items = new List<string>(sequence.Items.Count);
        foreach (var item in sequence.Items)
        {
            if (item is ConfigScalar scalar)
            {
                items.Add(scalar.Value);
            }
            else
            {
                Report(item.Span, $"Each item of '{key}' of {_what} must be a single value, not {item.KindName}.", null);
                return false;
            }
        }

        value = items;
        return true;
    }

    /// <inheritdoc />
    public bool TryGetStringMap(string key, out IReadOnlyDictionary<string, string> value)
    {
        value = new Dictionary<string, string>();
        if (!_mapping.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return false;
        }

        if (node is not ConfigMapping mapping)
        {
            Report(node.Span, $"'{key}' of {_what} must be a mapping, not {node.KindName}.", null);
            return false;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is ConfigScalar scalar)
            {
                result[entry.Key.Value] = scalar.Value;
            }
            else
            {
                Report(entry.Value.Span, $"'{key}.{entry.Key.Value}' of {_what} must be a single value, not {entry.Value.KindName}.", null);
                return false;
            }
        }

        value = result;
        return true;
    }

    /// <inheritdoc />
    public void ReportMissing(string key, string expected) =>
        Report(_mapping.Span, $"{Capitalised(_what)} has no '{key}'.", $"Add '{key}: <{expected}>'.");

    /// <inheritdoc />
    public void ReportRequired(string key, string expected)
    {
        if (!_mapping.TryGetValue(key, out var node))
        {
            ReportMissing(key, expected);
        }
        else if (node is ConfigScalar { IsNull: true })
        {
            ReportInvalid(key, expected);
        }
    }

    /// <inheritdoc />
    public void ReportUnknownKeys(IReadOnlyCollection<string> knownKeys)
    {
        foreach (var entry in _mapping.Entries)
        {
            var key = entry.Key.Value;
            if (_ignoredKeys.Contains(key) || knownKeys.Contains(key))
            {
                continue;
            }

            var valid = knownKeys.Concat(_ignoredKeys).Distinct().Order(StringComparer.Ordinal).ToList();
            Report(entry.Key.Span, $"Unknown key '{key}' in {_what}.{Suggestions.DidYouMean(key, valid)}",
                "Valid keys: " + string.Join(", ", valid) + ".");
        }
    }

    /// <inheritdoc />
    public void ReportInvalid(string key, string expected)
    {
        var span = _mapping.TryGetValue(key, out var node) ? node.Span : _mapping.Span;
        Report(span, $"'{key}' of {_what} must be {expected}.", null);
    }

    private bool TryGetScalar(string key, string expected, out ConfigScalar scalar)
    {
        scalar = null!;
        if (!_mapping.TryGetValue(key, out var node) || node is ConfigScalar { IsNull: true })
        {
            return false;
        }

        if (node is ConfigScalar found)
        {
            scalar = found;
            return true;
        }

        Report(node.Span, $"'{key}' of {_what} must be {expected}, not {node.KindName}.", null);
        return false;
    }

    private void Report(SourceSpan span, string message, string? fix) => _problems.Add(new ConfigProblem(span, message, fix));

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

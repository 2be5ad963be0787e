using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A mapping whose keys are unique scalars, in document order.</summary>
public sealed class ConfigMapping : ConfigNode
{
    private readonly Dictionary<string, ConfigEntry> _byKey;

    /// <summary>Creates a mapping; later duplicates of a key must already have been rejected.</summary>
    public ConfigMapping(IReadOnlyList<ConfigEntry> entries, SourceSpan span)
        : base(span)
    {
        Entries = entries;
        _byKey = new Dictionary<string, ConfigEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byKey.ContainsKey(entry.Key.Value))
            {
                _byKey.Add(entry.Key.Value, entry);
            }
        }
    }

    /// <summary>The entries, in document order.</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <inheritdoc />
    public override string KindName => "a mapping";

    /// <summary>The entry under <paramref name="key"/>.</summary>
    public bool TryGetEntry(string key, out ConfigEntry entry)
    {
        if (_byKey.TryGetValue(key, out var found))
        {
            entry = found;
            return true;
        }

        entry = null!;
        return false;
    }

    /// <summary>The value under <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, out ConfigNode value)
    {
        if (_byKey.TryGetValue(key, out var found))
        {
            value = found.Value;
            return true;
        }

        value = null!;
        return false;
    }

    /// <summary>The value under <paramref name="key"/> as text, when it is a non-null scalar.</summary>
    public string? GetScalar(string key) =>
        TryGetValue(key, out var value) && value is ConfigScalar scalar && !scalar.IsNull ? scalar.Value : null;
}

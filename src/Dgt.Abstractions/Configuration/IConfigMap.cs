namespace Dgt.Configuration;

/// <summary>
/// A YAML (or JSON) mapping as generated binding code reads it. Every getter returns false when the key is absent
/// and also when the value has the wrong kind, in which case it records an error located at the value (file, line,
/// column, what was expected). Generated code never throws for bad input: it reports and carries on, so that all
/// errors are listed together.
/// </summary>
public interface IConfigMap
{
    /// <summary>The keys present, in document order.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>True when an error has been reported on this mapping or below it.</summary>
    bool HasErrors { get; }

    /// <summary>
    /// The key under which a value is present: <paramref name="key"/> or one of its aliases; null when none is.
    /// Two spellings of one option given together are reported.
    /// </summary>
    string? FindKey(string key, params string[] aliases);

    /// <summary>
    /// True when <paramref name="key"/> is present with no value (<c>key:</c> or <c>key: null</c>): the getters return
    /// false for it without reporting, so that a required value left empty can be reported as such.
    /// </summary>
    bool IsNull(string key);

    /// <summary>Reads a scalar as text.</summary>
    bool TryGetString(string key, out string value);

    /// <summary>Reads a whole number.</summary>
    bool TryGetInt64(string key, out long value);

    /// <summary>Reads a number (invariant culture).</summary>
    bool TryGetDouble(string key, out double value);

    /// <summary>Reads <c>true</c>/<c>false</c>.</summary>
    bool TryGetBoolean(string key, out bool value);

    /// <summary>Reads a sequence of scalars (a single scalar counts as a one-item list).</summary>
    bool TryGetStringList(string key, out IReadOnlyList<string> value);

    /// <summary>Reads a mapping of scalars.</summary>
    bool TryGetStringMap(string key, out IReadOnlyDictionary<string, string> value);

    /// <summary>Reports that a required key is absent.</summary>
    void ReportMissing(string key, string expected);

    /// <summary>
    /// Reports a required value that could not be read: an absent key as missing, an empty one as invalid. A value of
    /// the wrong kind was reported where it was read, so it is not reported again.
    /// </summary>
    void ReportRequired(string key, string expected);

    /// <summary>Reports every key not in <paramref name="knownKeys"/>, with a did-you-mean.</summary>
    void ReportUnknownKeys(IReadOnlyCollection<string> knownKeys);

    /// <summary>Reports a value that has the right kind but is not accepted.</summary>
    void ReportInvalid(string key, string expected);
}

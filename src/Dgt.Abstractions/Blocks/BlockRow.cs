namespace Dgt;

/// <summary>
/// A row as a block sees it: block field name → value, filled through the block's <c>input_map</c>
/// (row field <c>question</c> → block field <c>input</c>).
/// </summary>
public sealed class BlockRow(IReadOnlyDictionary<string, object?> fields)
{
    /// <summary>The block fields.</summary>
    public IReadOnlyDictionary<string, object?> Fields { get; } = fields;

    /// <summary>The field as text, or null when absent or not text.</summary>
    public string? GetString(string field) => Fields.TryGetValue(field, out var value) ? value as string : null;
}

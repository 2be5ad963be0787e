using Dgt.Configuration;

namespace Dgt.Runtime.Configuration;

/// <summary>
/// Merges override configuration onto a base, keeping every node's own location so that errors point at the file
/// the offending value came from.
/// </summary>
public static class ConfigMerge
{
    /// <summary>Top-level keys of the override replace those of the base; new keys are added (task overrides).</summary>
    public static ConfigMapping Shallow(ConfigMapping baseMapping, ConfigMapping overrides)
    {
        ArgumentNullException.ThrowIfNull(baseMapping);
        ArgumentNullException.ThrowIfNull(overrides);
        var entries = baseMapping.Entries
            .Select(entry => overrides.TryGetEntry(entry.Key.Value, out var replaced) ? replaced : entry)
            .Concat(overrides.Entries.Where(entry => !baseMapping.TryGetEntry(entry.Key.Value, out _)))
            .ToList();
        return new ConfigMapping(entries, baseMapping.Span);
    }

    /// <summary>
    /// Mappings merge key by key, recursively; anything else is replaced by the override. A <c>blocks</c> list is
    /// merged entry by entry, matched on each block's <c>name</c>; blocks the base lacks are appended.
    /// </summary>
    public static ConfigNode Deep(ConfigNode baseNode, ConfigNode overrides, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(baseNode);
        ArgumentNullException.ThrowIfNull(overrides);
        if (key == "blocks" && baseNode is ConfigSequence baseBlocks && overrides is ConfigSequence overrideBlocks)
        {
            return MergeBlocks(baseBlocks, overrideBlocks);
        }

        if (baseNode is not ConfigMapping baseMapping || overrides is not ConfigMapping overrideMapping)
        {
            return overrides;
        }

        var entries = baseMapping.Entries
            .Select(entry => overrideMapping.TryGetEntry(entry.Key.Value, out var replaced)
                ? new ConfigEntry(entry.Key, Deep(entry.Value, replaced.Value, entry.Key.Value))
                : entry)
            .Concat(overrideMapping.Entries.Where(entry => !baseMapping.TryGetEntry(entry.Key.Value, out _)))
            .ToList();
        return new ConfigMapping(entries, baseMapping.Span);
    }

    private static ConfigSequence MergeBlocks(ConfigSequence baseBlocks, ConfigSequence overrideBlocks)
    {
        static string? NameOf(ConfigNode node) => (node as ConfigMapping)?.GetScalar("name");

        var items = baseBlocks.Items
            .Select(block => overrideBlocks.Items.FirstOrDefault(o => NameOf(o) is { } name && name == NameOf(block)) is { } replaced
                ? Deep(block, replaced)
                : block)
            .ToList();
        items.AddRange(overrideBlocks.Items.Where(o => NameOf(o) is not { } name || baseBlocks.Items.All(b => NameOf(b) != name)));
        return new ConfigSequence(items, baseBlocks.Span);
    }
}

namespace Dgt;

/// <summary>
/// Overrides the YAML key of a block option (by default the snake_case form of the property name) and adds aliases.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ConfigKeyAttribute(string key, params string[] aliases) : Attribute
{
    /// <summary>The YAML key.</summary>
    public string Key { get; } = key;

    /// <summary>Other accepted spellings of the key.</summary>
    public IReadOnlyList<string> Aliases { get; } = aliases;
}

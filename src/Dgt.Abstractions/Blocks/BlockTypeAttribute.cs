namespace Dgt;

/// <summary>
/// Registers a concrete block class under the <c>type:</c> name used in builder YAMLs. The class needs a public
/// constructor <c>(TOptions options, BlockContext context)</c>; the source generator binds YAML keys onto
/// <c>TOptions</c> (snake_case keys onto PascalCase properties) without reflection.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlockTypeAttribute(string name, params string[] aliases) : Attribute
{
    /// <summary>The <c>type:</c> name.</summary>
    public string Name { get; } = name;

    /// <summary>Other <c>type:</c> names that select the same block.</summary>
    public IReadOnlyList<string> Aliases { get; } = aliases;
}

namespace Dgt;

/// <summary>
/// Marks a builder field that receives the block of the same name from the builder YAML's <c>blocks:</c> list.
/// The YAML entry's <c>type:</c> chooses the concrete block, which must be assignable to the field's type.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class BlockAttribute : Attribute
{
    /// <summary>The YAML block name when it differs from the field name.</summary>
    public string? Name { get; init; }
}

namespace Dgt;

/// <summary>
/// Registers a <c>partial</c> builder class under the name that task YAMLs use in <c>data_builder:</c>.
/// The builder YAML beside the class must carry the same <c>name:</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class DataBuilderAttribute(string name) : Attribute
{
    /// <summary>The registered builder name, e.g. <c>public/test/geography_qa</c>.</summary>
    public string Name { get; } = name;
}

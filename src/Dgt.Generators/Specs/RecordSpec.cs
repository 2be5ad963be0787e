namespace Dgt.Generators.Specs;

/// <summary>A record type bound from YAML: a block's options or a builder's rows.</summary>
/// <param name="FullName">The fully qualified name, with <c>global::</c>.</param>
/// <param name="Name">The simple name.</param>
/// <param name="Properties">The settable properties, base types first, in declaration order.</param>
internal sealed record RecordSpec(string FullName, string Name, EquatableArray<PropertySpec> Properties);

namespace Dgt.Generators.Specs;

/// <summary>What the generator needs of the project: the namespace its generated block catalog goes to.</summary>
internal sealed record ProjectSpec(string GeneratedNamespace);

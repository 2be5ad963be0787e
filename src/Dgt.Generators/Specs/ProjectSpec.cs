namespace Dgt.Generators.Specs;

/// <summary>
/// What the generator needs of the project: the namespace all its generated types go to (block catalog, option
/// binders, registry, builder YAMLs, row codecs).
/// </summary>
internal sealed record ProjectSpec(string GeneratedNamespace);

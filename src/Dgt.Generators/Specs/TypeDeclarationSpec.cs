namespace Dgt.Generators.Specs;

/// <summary>
/// Enough of a class declaration to re-open it as a partial: its namespace and the chain of types it is nested in.
/// </summary>
/// <param name="Namespace">The namespace, empty for the global one.</param>
/// <param name="ContainingTypes">Outermost first.</param>
/// <param name="Name">The simple name.</param>
/// <param name="FullName">The fully qualified name, with <c>global::</c>.</param>
internal sealed record TypeDeclarationSpec(
    string Namespace, EquatableArray<ContainingTypeSpec> ContainingTypes, string Name, string FullName)
{
    /// <summary>A file-name-safe, unique stem for generated files about this type.</summary>
    public string HintStem => FullName.Replace("global::", "").Replace('<', '{').Replace('>', '}');
}

/// <summary>A type that encloses a nested builder: its keyword (<c>class</c>, <c>record</c>, <c>struct</c>) and name.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

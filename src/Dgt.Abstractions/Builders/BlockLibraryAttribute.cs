namespace Dgt;

/// <summary>
/// Emitted by the source generator into an assembly that defines block types: names the generated catalog class whose
/// <c>All</c> property registers them, and lists the block classes so that the generator, compiling a program that
/// references the assembly, can check builder YAMLs against them at build time.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class BlockLibraryAttribute(string catalogTypeName, params Type[] blockTypes) : Attribute
{
    /// <summary>The fully qualified name of the generated catalog class.</summary>
    public string CatalogTypeName { get; } = catalogTypeName;

    /// <summary>The block classes the catalog registers.</summary>
    public IReadOnlyList<Type> BlockTypes { get; } = blockTypes;
}

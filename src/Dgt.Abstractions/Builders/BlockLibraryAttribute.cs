namespace Dgt;

/// <summary>
/// Emitted by the source generator into an assembly that defines block types: names the generated class whose
/// <c>All</c> property lists them, so programs referencing the assembly register them at compile time.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class BlockLibraryAttribute(string catalogTypeName) : Attribute
{
    /// <summary>The fully qualified name of the generated catalog class.</summary>
    public string CatalogTypeName { get; } = catalogTypeName;
}

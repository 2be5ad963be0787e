namespace Dgt.Generators.Specs;

/// <summary>A <c>[BlockType]</c> class, defined in this assembly or in a referenced block library.</summary>
/// <param name="TypeName">The <c>type:</c> name.</param>
/// <param name="Aliases">Other <c>type:</c> names.</param>
/// <param name="ClrName">The class's full name as messages show it.</param>
/// <param name="FullName">The class's fully qualified name, with <c>global::</c>.</param>
/// <param name="AssignableTo">Every type a field may have to receive this block: the class, its bases, its interfaces.</param>
/// <param name="Options">The options record bound from the block's YAML keys.</param>
/// <param name="Location">Where the class is declared, for a block type of this assembly.</param>
/// <param name="IsValidator">True when it implements <c>IValidatorBlock</c>, so it can be a postprocessor.</param>
/// <param name="Fields">The fields it declares with <c>[BlockFields]</c>; null when it declares none.</param>
internal sealed record BlockTypeSpec(
    string TypeName,
    EquatableArray<string> Aliases,
    string ClrName,
    string FullName,
    EquatableArray<string> AssignableTo,
    RecordSpec Options,
    LocationInfo? Location,
    bool IsValidator,
    BlockFieldsSpec? Fields);

/// <summary>The block fields a block type reads and writes, as its <c>[BlockFields]</c> declares them.</summary>
internal sealed record BlockFieldsSpec(EquatableArray<string> Inputs, EquatableArray<string> Outputs);

/// <summary>The block types a referenced assembly registers through its generated catalog.</summary>
internal sealed record BlockLibrarySpec(string CatalogFullName, EquatableArray<BlockTypeSpec> BlockTypes);

/// <summary>The block types this assembly defines, and the namespace their catalog goes to.</summary>
internal sealed record BlockCatalogSpec(string Namespace, EquatableArray<BlockTypeSpec> BlockTypes);

/// <summary>The block libraries among the references, sorted by catalog name.</summary>
internal sealed record ReferencedLibrariesSpec(EquatableArray<BlockLibrarySpec> Libraries);

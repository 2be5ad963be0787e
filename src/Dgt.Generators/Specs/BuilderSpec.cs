namespace Dgt.Generators.Specs;

/// <summary>A <c>[DataBuilder]</c> class.</summary>
/// <param name="Name">The registered builder name.</param>
/// <param name="NameLocation">Where the name is written in C#.</param>
/// <param name="Type">The class.</param>
/// <param name="Data">The row record; null when the class does not derive from the generation base.</param>
/// <param name="BlockFields">The <c>[Block]</c> fields, in declaration order.</param>
/// <param name="HasSeedReader">True when the class declares its own <c>InstantiateInputExample</c>.</param>
/// <param name="CanGenerate">False when an error in the declaration prevents generating code for it.</param>
internal sealed record BuilderSpec(
    string Name,
    LocationInfo? NameLocation,
    TypeDeclarationSpec Type,
    RecordSpec? Data,
    EquatableArray<BlockFieldSpec> BlockFields,
    bool HasSeedReader,
    bool CanGenerate);

/// <summary>A <c>[Block]</c> field of a builder.</summary>
/// <param name="FieldName">The C# field name.</param>
/// <param name="BlockName">The YAML block name it takes.</param>
/// <param name="FieldType">The field's type, fully qualified with <c>global::</c>.</param>
/// <param name="FieldTypeDisplay">The field's type as messages show it.</param>
internal sealed record BlockFieldSpec(string FieldName, string BlockName, string FieldType, string FieldTypeDisplay);

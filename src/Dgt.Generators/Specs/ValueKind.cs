namespace Dgt.Generators.Specs;

/// <summary>The property types generated code can read from YAML and write to JSON.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    Single,
    StringList,
    StringArray,
    StringMap,
    Enum,
}

namespace Dgt;

/// <summary>
/// A <c>[Block]</c> field of a builder: the YAML block name it takes, its type (as messages show it and fully
/// qualified, to match a block type's <see cref="BlockTypeRegistration.AssignableTo"/>) and the blocks it accepts.
/// </summary>
public sealed record BlockSlot(string BlockName, string FieldName, string FieldTypeName, string FieldType, Func<IBlock, bool> Accepts);

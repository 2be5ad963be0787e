namespace Dgt;

/// <summary>A <c>[Block]</c> field of a builder: the YAML block name it takes and the block types it accepts.</summary>
public sealed record BlockSlot(string BlockName, string FieldName, string FieldTypeName, Func<IBlock, bool> Accepts);

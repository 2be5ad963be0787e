namespace Dgt;

/// <summary>Implemented by the generated part of every builder: its <c>[Block]</c> fields and how to fill them.</summary>
public interface IBlockHost
{
    /// <summary>The builder's <c>[Block]</c> fields.</summary>
    IReadOnlyList<BlockSlot> BlockSlots { get; }

    /// <summary>Assigns every <c>[Block]</c> field from <paramref name="blocks"/>.</summary>
    void BindBlocks(IBlockResolver blocks);
}

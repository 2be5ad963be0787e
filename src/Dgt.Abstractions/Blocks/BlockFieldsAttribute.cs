namespace Dgt;

/// <summary>
/// Declares the block fields a block type reads (the right-hand side of <c>input_map</c>) and writes (the left-hand
/// side of <c>output_map</c>). It is metadata, so the build checks both maps of a builder YAML without running the
/// block; a block type without it gets no check of its own field names.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BlockFieldsAttribute(params string[] inputs) : Attribute
{
    /// <summary>The fields the block reads from each row.</summary>
    public IReadOnlyList<string> Inputs { get; } = inputs;

    /// <summary>The fields the block writes to each row; none unless set.</summary>
    public string[] Outputs { get; set; } = [];
}

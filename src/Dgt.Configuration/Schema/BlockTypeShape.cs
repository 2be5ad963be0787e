using System.Collections.Generic;

namespace Dgt.Configuration.Schema;

/// <summary>A block type as the rules see it: its <c>type:</c> names, its options, what it fits and the fields it maps.</summary>
public sealed class BlockTypeShape
{
    /// <summary>Creates a block type's shape.</summary>
    public BlockTypeShape(
        string typeName,
        IReadOnlyList<string> aliases,
        string clrName,
        IReadOnlyList<OptionShape> options,
        IReadOnlyList<string> assignableTo,
        bool isValidator,
        IReadOnlyList<string>? inputFields,
        IReadOnlyList<string>? outputFields)
    {
        TypeName = typeName;
        Aliases = aliases;
        ClrName = clrName;
        Options = options;
        AssignableTo = assignableTo;
        IsValidator = isValidator;
        InputFields = inputFields;
        OutputFields = outputFields;
    }

    /// <summary>The <c>type:</c> name.</summary>
    public string TypeName { get; }

    /// <summary>Other <c>type:</c> names.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The class's full name as messages show it.</summary>
    public string ClrName { get; }

    /// <summary>The options bound from the block's YAML keys.</summary>
    public IReadOnlyList<OptionShape> Options { get; }

    /// <summary>Every type (fully qualified, with <c>global::</c>) a <c>[Block]</c> field may have to receive it.</summary>
    public IReadOnlyList<string> AssignableTo { get; }

    /// <summary>True when it can judge rows, so it can be a postprocessor.</summary>
    public bool IsValidator { get; }

    /// <summary>The block fields it reads; null when it declares none (its maps' block side is then not checked).</summary>
    public IReadOnlyList<string>? InputFields { get; }

    /// <summary>The block fields it writes; null when it declares none.</summary>
    public IReadOnlyList<string>? OutputFields { get; }
}

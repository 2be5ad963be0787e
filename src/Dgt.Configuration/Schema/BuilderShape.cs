using System.Collections.Generic;

namespace Dgt.Configuration.Schema;

/// <summary>The C# side of a builder as the rules see it: its <c>[Block]</c> fields and the fields of its rows.</summary>
public sealed class BuilderShape
{
    /// <summary>Creates a builder's shape.</summary>
    public BuilderShape(IReadOnlyList<BlockFieldShape> blockFields, string? rowTypeName, IReadOnlyList<string>? rowFields)
    {
        BlockFields = blockFields;
        RowTypeName = rowTypeName;
        RowFields = rowFields;
    }

    /// <summary>The builder's <c>[Block]</c> fields.</summary>
    public IReadOnlyList<BlockFieldShape> BlockFields { get; }

    /// <summary>The row record's name, for messages; null when the rows are not known.</summary>
    public string? RowTypeName { get; }

    /// <summary>Every field a row has (<c>task_name</c>, <c>is_seed</c> and the record's keys); null when not known.</summary>
    public IReadOnlyList<string>? RowFields { get; }
}

/// <summary>A <c>[Block]</c> field: the block it takes and its type.</summary>
/// <param name="FieldName">The C# field name.</param>
/// <param name="BlockName">The YAML block name it takes.</param>
/// <param name="FieldType">The field's type, fully qualified with <c>global::</c>.</param>
/// <param name="FieldTypeDisplay">The field's type as messages show it.</param>
public sealed record BlockFieldShape(string FieldName, string BlockName, string FieldType, string FieldTypeDisplay);

using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A list.</summary>
public sealed class ConfigSequence : ConfigNode
{
    /// <summary>Creates a list.</summary>
    public ConfigSequence(IReadOnlyList<ConfigNode> items, SourceSpan span)
        : base(span)
    {
        Items = items;
    }

    /// <summary>The items, in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }

    /// <inheritdoc />
    public override string KindName => "a list";
}

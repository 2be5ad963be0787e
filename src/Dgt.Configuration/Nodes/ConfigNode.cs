using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A node of a configuration document (YAML or JSON), with its location.</summary>
public abstract class ConfigNode
{
    /// <summary>Creates a node.</summary>
    protected ConfigNode(SourceSpan span)
    {
        Span = span;
    }

    /// <summary>Where the node is written.</summary>
    public SourceSpan Span { get; }

    /// <summary>What the node is, for messages: "a mapping", "a list", "a text value".</summary>
    public abstract string KindName { get; }
}

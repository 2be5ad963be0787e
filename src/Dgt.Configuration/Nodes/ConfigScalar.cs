using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A scalar. <see cref="IsPlain"/> distinguishes <c>true</c> from <c>"true"</c> and <c>~</c> from <c>"~"</c>.</summary>
public sealed class ConfigScalar : ConfigNode
{
    /// <summary>Creates a scalar.</summary>
    public ConfigScalar(string value, bool isPlain, SourceSpan span)
        : base(span)
    {
        Value = value;
        IsPlain = isPlain;
    }

    /// <summary>The text as written (quotes removed, escapes resolved).</summary>
    public string Value { get; }

    /// <summary>True for an unquoted scalar.</summary>
    public bool IsPlain { get; }

    /// <summary>True for YAML's null: an empty plain scalar, <c>~</c> or <c>null</c>.</summary>
    public bool IsNull => IsPlain && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    /// <inheritdoc />
    public override string KindName => IsNull ? "an empty value" : "a single value";
}

using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A configuration error: where, what is wrong, and how to fix it.</summary>
public sealed class ConfigProblem
{
    /// <summary>Creates a problem; <paramref name="id"/> is its DGT diagnostic ID when a rule of the schema found it.</summary>
    public ConfigProblem(SourceSpan span, string message, string? fix = null, string? id = null)
    {
        Span = span;
        Message = message;
        Fix = fix;
        Id = id;
    }

    /// <summary>The DGT diagnostic ID the build reports it under; null for problems only start-up can find.</summary>
    public string? Id { get; }

    /// <summary>Where.</summary>
    public SourceSpan Span { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }

    /// <summary>How to fix it, when known.</summary>
    public string? Fix { get; }

    /// <summary><c>file:line:column: error: message (fix)</c>.</summary>
    public override string ToString() =>
        Span + ": error: " + Message + (Fix is null ? "" : " " + Fix);
}

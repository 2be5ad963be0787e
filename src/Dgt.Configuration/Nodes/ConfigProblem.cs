using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>A configuration error: where, what is wrong, and how to fix it.</summary>
public sealed class ConfigProblem
{
    /// <summary>Creates a problem.</summary>
    public ConfigProblem(SourceSpan span, string message, string? fix = null)
    {
        Span = span;
        Message = message;
        Fix = fix;
    }

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

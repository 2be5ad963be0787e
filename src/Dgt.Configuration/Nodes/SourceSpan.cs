using System;
using System.Collections.Generic;
using System.IO;
namespace Dgt.Configuration;

/// <summary>
/// Where a piece of configuration sits in its file, 1-based as editors count. Shared by the runtime and the source
/// generator, so both point at the same place.
/// </summary>
public readonly struct SourceSpan : IEquatable<SourceSpan>
{
    /// <summary>Creates a span.</summary>
    public SourceSpan(string file, int line, int column, int endLine, int endColumn, int start = 0, int end = 0)
    {
        File = file;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
        Start = start;
        End = end;
    }

    /// <summary>The file path as given.</summary>
    public string File { get; }

    /// <summary>First line, from 1.</summary>
    public int Line { get; }

    /// <summary>First column, from 1.</summary>
    public int Column { get; }

    /// <summary>Last line, from 1.</summary>
    public int EndLine { get; }

    /// <summary>Column just past the end, from 1.</summary>
    public int EndColumn { get; }

    /// <summary>Character offset of the start in the text.</summary>
    public int Start { get; }

    /// <summary>Character offset just past the end in the text.</summary>
    public int End { get; }

    /// <summary>A span at the start of a file, for errors about the file as a whole.</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1, 1, 1);

    /// <summary><c>file:line:column</c>.</summary>
    public override string ToString() => File + ":" + Line + ":" + Column;

    /// <inheritdoc />
    public bool Equals(SourceSpan other) =>
        File == other.File && Line == other.Line && Column == other.Column && EndLine == other.EndLine &&
        EndColumn == other.EndColumn && Start == other.Start && End == other.End;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SourceSpan other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        unchecked
        {
            var hash = File.GetHashCode();
            hash = (hash * 397) ^ Line;
            hash = (hash * 397) ^ Column;
            hash = (hash * 397) ^ Start;
            return hash;
        }
    }
}

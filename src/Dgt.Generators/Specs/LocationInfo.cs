using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Dgt.Generators.Specs;

/// <summary>
/// Where a diagnostic points, as plain values: a <see cref="Location"/> would tie the spec to a syntax tree and defeat
/// caching.
/// </summary>
internal sealed record LocationInfo(
    string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        var lines = location.GetLineSpan().Span;
        return new LocationInfo(
            location.SourceTree.FilePath,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.Start.Line,
            lines.Start.Character,
            lines.End.Line,
            lines.End.Character);
    }

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}

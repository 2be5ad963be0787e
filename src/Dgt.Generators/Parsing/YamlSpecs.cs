using Dgt.Configuration;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Locations of YAML nodes as the build reports them.</summary>
internal static class YamlSpecs
{
    /// <summary>YAML marks are 1-based; Roslyn line positions are 0-based.</summary>
    public static LocationInfo Location(SourceSpan span) => new(
        span.File,
        span.Start,
        System.Math.Max(0, span.End - span.Start),
        span.Line - 1,
        span.Column - 1,
        span.EndLine - 1,
        span.EndColumn - 1);

    public static LocationInfo FileStart(string path) => new(path, 0, 0, 0, 0, 0, 0);
}

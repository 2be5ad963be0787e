using System.Linq;
using Dgt.Configuration;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>Turns located YAML nodes into plain, equatable specs: builder and task YAMLs read values alike.</summary>
internal static class YamlSpecs
{
    /// <summary>A key and its value, enough to check the value against a property later.</summary>
    public static YamlOptionSpec Option(ConfigEntry entry)
    {
        var value = entry.Value;
        var (kind, text) = value switch
        {
            ConfigScalar { IsNull: true } => (YamlValueKind.Null, ""),
            ConfigScalar scalar => (YamlValueKind.Scalar, scalar.Value),
            ConfigSequence => (YamlValueKind.Sequence, ""),
            _ => (YamlValueKind.Mapping, ""),
        };
        var nested = value switch
        {
            ConfigSequence sequence => sequence.Items.FirstOrDefault(i => i is not ConfigScalar),
            ConfigMapping mapping => mapping.Entries.Select(e => e.Value).FirstOrDefault(v => v is not ConfigScalar),
            _ => null,
        };
        return new YamlOptionSpec(
            entry.Key.Value,
            Location(entry.Key.Span),
            kind,
            text,
            Location(value.Span),
            nested is null ? null : new YamlNestedProblem(nested.KindName, Location(nested.Span)));
    }

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

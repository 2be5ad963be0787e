using Dgt.Configuration;
using Dgt.Generators.Specs;

namespace Dgt.Generators.Parsing;

/// <summary>A problem found by the shared configuration rules, as the build reports it: its rule's ID, its words whole.</summary>
internal static class ConfigDiagnostics
{
    /// <summary><paramref name="fallbackId"/> is for problems no rule names (the YAML reader's).</summary>
    public static DiagnosticInfo From(ConfigProblem problem, string fallbackId) =>
        DiagnosticInfo.Create(
            problem.Id ?? fallbackId,
            YamlSpecs.Location(problem.Span),
            problem.Fix is null ? problem.Message : problem.Message + " " + problem.Fix);
}

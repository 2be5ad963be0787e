using Dgt.Configuration;

namespace Dgt.Runtime.Building;

/// <summary>One entry of a builder YAML's <c>blocks:</c> list.</summary>
public sealed record BlockDeclaration(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> InputMap,
    IReadOnlyDictionary<string, string> OutputMap,
    ConfigMapping Source)
{
    /// <summary>Keys every block entry may carry, read by the runtime rather than by the block's options.</summary>
    public static readonly IReadOnlyList<string> CommonKeys = ["name", "type", "input_map", "output_map"];
}

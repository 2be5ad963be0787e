using System.Collections.Generic;

namespace Dgt.Configuration.Schema;

/// <summary>A builder YAML that passed its rules.</summary>
public sealed record BuilderDefinition(
    string Name,
    IReadOnlyList<BlockDeclaration> Blocks,
    IReadOnlyList<PostprocessorDeclaration> Postprocessors,
    string FilePath,
    ConfigMapping Source);

/// <summary>One entry of a builder YAML's <c>blocks:</c> list; <paramref name="Shape"/> is its type's.</summary>
public sealed record BlockDeclaration(
    string Name,
    string Type,
    IReadOnlyDictionary<string, string> InputMap,
    IReadOnlyDictionary<string, string> OutputMap,
    ConfigMapping Source,
    BlockTypeShape Shape)
{
    /// <summary>Keys every block entry may carry, read by the runtime rather than by the block's options.</summary>
    public static readonly IReadOnlyList<string> CommonKeys = new[] { "name", "type", "input_map", "output_map" };
}

/// <summary>One entry of a builder YAML's <c>postprocessors:</c> list: the block to run over all of a task's rows.</summary>
public sealed record PostprocessorDeclaration(string BlockName, SourceSpan Span);

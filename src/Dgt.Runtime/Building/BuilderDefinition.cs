using Dgt.Configuration;

namespace Dgt.Runtime.Building;

/// <summary>A builder YAML, checked.</summary>
public sealed record BuilderDefinition(
    string Name,
    IReadOnlyList<BlockDeclaration> Blocks,
    IReadOnlyList<PostprocessorDeclaration> Postprocessors,
    string FilePath,
    ConfigMapping Source);

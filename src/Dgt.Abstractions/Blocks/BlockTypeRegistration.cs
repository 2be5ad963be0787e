using Dgt.Configuration;

namespace Dgt;

/// <summary>
/// A block type as the generated registry knows it: its <c>type:</c> names, its options, the types a <c>[Block]</c>
/// field may have to receive it, whether it can be a postprocessor, and a factory that binds a checked YAML block entry
/// onto its options and builds the block. <paramref name="InputFields"/> and <paramref name="OutputFields"/> are the
/// block fields its <c>[BlockFields]</c> declares, null when it declares none (then its maps' block side is not checked).
/// </summary>
public sealed record BlockTypeRegistration(
    string TypeName,
    IReadOnlyList<string> Aliases,
    string ClrTypeName,
    IReadOnlyList<ConfigField> Options,
    IReadOnlyList<string> AssignableTo,
    bool IsValidator,
    Func<IConfigMap, BlockContext, IBlock?> Create,
    IReadOnlyList<string>? InputFields = null,
    IReadOnlyList<string>? OutputFields = null);

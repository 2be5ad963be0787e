using Dgt.Configuration;

namespace Dgt;

/// <summary>
/// A block type as the generated registry knows it: its <c>type:</c> names, its option keys, and a factory that binds
/// a YAML block entry onto its options and builds the block (null when the options had errors, which are reported).
/// <paramref name="InputFields"/> and <paramref name="OutputFields"/> are the block fields its <c>[BlockFields]</c>
/// declares, null when it declares none (then its maps' block side is not checked).
/// </summary>
public sealed record BlockTypeRegistration(
    string TypeName,
    IReadOnlyList<string> Aliases,
    string ClrTypeName,
    IReadOnlyList<string> OptionKeys,
    Func<IConfigMap, BlockContext, IBlock?> Create,
    IReadOnlyList<string>? InputFields = null,
    IReadOnlyList<string>? OutputFields = null);

using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>
/// A block that a <c>--config-path</c> override added to a builder (rather than changed): said out loud at the start
/// and in the summary, since a run with a block its builder YAML does not have is easily mistaken for the usual one.
/// </summary>
public sealed record AddedBlock(string Name, string Type, SourceSpan At)
{
    public override string ToString() => $"block '{Name}' ({Type}) added by the override at {At}";
}

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// A decision as the deduplicator keeps it between calls. <see cref="Ordinal"/> is a kept-row ordinal (context texts
/// first): the row's own when valid, the best match when invalid. Ordinals survive epochs; row indices do not.
/// </summary>
internal readonly record struct Decision(bool IsValid, double Score, int Ordinal);

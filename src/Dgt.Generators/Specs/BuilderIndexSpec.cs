namespace Dgt.Generators.Specs;

/// <summary>
/// What task YAMLs are checked against: every builder's name and row record. Kept apart from the full builder specs so
/// that an edit to a builder's blocks does not re-check every task.
/// </summary>
internal sealed record BuilderIndexSpec(EquatableArray<IndexedBuilderSpec> Builders);

/// <summary>A builder as a task sees it.</summary>
/// <param name="Rows">Its row record; null when it could not be read (reported elsewhere).</param>
/// <param name="HasSeedReader">True when the builder reads seeds itself, so the generated rules do not apply.</param>
internal sealed record IndexedBuilderSpec(string Name, RecordSpec? Rows, bool HasSeedReader);

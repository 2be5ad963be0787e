namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>The options of a <c>rouge_scorer</c> block, bound from its builder YAML entry.</summary>
public sealed record RougeScorerOptions
{
    /// <summary>
    /// A row is a duplicate when its best score reaches this value (YAML <c>threshold</c>). Values above 1 turn the
    /// block off (every row is valid); 1.0 rejects rows whose normalised token sequence was already kept.
    /// </summary>
    /// <remarks>
    /// Accepted from 0 to 2: a score never exceeds 1, so 1.1 (the default) and anything up to 2 mean "off", while a
    /// value such as 2.5 or 25 is almost always a misplaced decimal point (0.25) and is rejected rather than silently
    /// turning deduplication off.
    /// </remarks>
    [ConfigRange(0.0, 2.0)]
    public double Threshold { get; init; } = 1.1;

    /// <summary>Whether the runtime drops the rows found invalid (YAML <c>filter</c>).</summary>
    public bool Filter { get; init; }

    /// <summary>The figure compared with the threshold (YAML <c>score_func</c>: f1, precision or recall).</summary>
    public RougeScoreFunction ScoreFunc { get; init; } = RougeScoreFunction.F1;

    /// <summary>
    /// The measures averaged into a score (YAML <c>rouge_types</c>): <c>lcs</c> (Rouge-L, the default), <c>n_1</c>,
    /// <c>n_2</c>, <c>n_3</c> (distinct n-grams shared). Several are averaged.
    /// </summary>
    public IReadOnlyList<string>? RougeTypes { get; init; }

    /// <summary>Texts every row is also compared with, e.g. the seed questions (YAML <c>context</c>).</summary>
    public IReadOnlyList<string>? Context { get; init; }
}

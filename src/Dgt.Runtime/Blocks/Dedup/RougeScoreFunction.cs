namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>Which Rouge figure <see cref="RougeScorer"/> compares with its threshold (YAML <c>score_func</c>).</summary>
public enum RougeScoreFunction
{
    /// <summary>The harmonic mean of precision and recall (YAML <c>f1</c>, the default).</summary>
    F1,

    /// <summary>Common length over the earlier text's length (YAML <c>precision</c>).</summary>
    Precision,

    /// <summary>Common length over the new text's length (YAML <c>recall</c>).</summary>
    Recall,
}

using Dgt.Runtime.Blocks.Dedup;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>Builds the block as the runtime would and feeds it plain texts.</summary>
internal static class RougeScorerRunner
{
    public static RougeScorer Create(RougeScorerOptions options) => new(options, Context);

    /// <summary>With small batches, both halves of the batch algorithm run on small corpora.</summary>
    public static RougeScorer Create(RougeScorerOptions options, int batchSize) => new(options, Context, batchSize);

    private static BlockContext Context => new("dedup", "test/builder", _ => null);

    public static IReadOnlyList<Validation> Validate(this RougeScorer scorer, IEnumerable<string?> texts) =>
        scorer.ValidateAsync([.. texts.Select(ToRow)], CancellationToken.None).AsTask().GetAwaiter().GetResult();

    public static IReadOnlyList<Validation> Validate(RougeScorerOptions options, IEnumerable<string?> texts) =>
        Create(options).Validate(texts);

    public static BlockRow ToRow(string? text) => new(new Dictionary<string, object?> { ["input"] = text });
}

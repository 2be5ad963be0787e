using System.Globalization;

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// Rouge-based deduplication (<c>type: rouge_scorer</c>): a row is valid when its best score against every context
/// text and every earlier valid row is below <see cref="RougeScorerOptions.Threshold"/>; the first occurrence wins.
/// </summary>
/// <remarks>
/// <para>
/// Texts are read from the block field <c>input</c> (a missing or non-text value counts as an empty text, which
/// shares nothing with anything). Verdicts come back in input order.
/// </para>
/// <para>
/// Which rows count as kept: only valid ones, whether or not <see cref="Filter"/> is on. A rejected row never
/// rejects a later one, so <c>filter: false</c> annotates exactly the rows <c>filter: true</c> would drop, and the
/// verdicts do not change when the runtime drops rejected rows between epochs. (The Python reference compares with
/// rejected rows too when filtering is off.)
/// </para>
/// <para>
/// Scores: an invalid row carries its exact best score (the highest over context texts and kept rows; on a tie the
/// context text or row that comes first) and a reason naming it. A valid row carries no score: the search stops
/// proving a row valid as soon as no kept row can reach the threshold, so its best score is never known exactly.
/// </para>
/// </remarks>
[BlockType("rouge_scorer")]
[BlockFields(InputField)]
public sealed class RougeScorer : IValidatorBlock
{
    private const int DefaultBatchSize = 1024;

    // One name for the build-time declaration above and the run-time list below.
    private const string InputField = "input";
    private static readonly IReadOnlyList<string> Fields = [InputField];

    private readonly RougeScorerOptions _options;
    private readonly string _measureName;
    private readonly RougeDeduplicator? _deduplicator;
    private readonly Lock _gate = new();

    /// <summary>Creates the block; throws <see cref="ArgumentException"/> on an unknown Rouge type or a NaN threshold.</summary>
    public RougeScorer(RougeScorerOptions options, BlockContext context)
        : this(options, context, DefaultBatchSize)
    {
    }

    // Tests shrink the batch to exercise the parallel and sequential halves of every batch on small corpora.
    internal RougeScorer(RougeScorerOptions options, BlockContext context, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        if (double.IsNaN(options.Threshold))
        {
            throw new ArgumentException("threshold: must be a number.", nameof(options));
        }

        _options = options;
        Name = context.Name;
        var measures = RougeMeasure.ParseAll(options.RougeTypes);
        _measureName = measures.Length == 1
            ? measures[0].DisplayName
            : $"mean of {string.Join(", ", measures.Select(m => m.DisplayName))}";

        // No score exceeds 1, so above it every row is valid and there is nothing to compute.
        if (options.Threshold <= 1)
        {
            _deduplicator = new RougeDeduplicator(
                new RougeDeduplicatorSettings(options.Threshold, options.ScoreFunc, measures), options.Context ?? [], batchSize);
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public bool Filter => _options.Filter;

    /// <inheritdoc />
    public IReadOnlyList<string> InputFields => Fields;

    /// <summary>Rows decided and pairs scored or pruned since the block was built.</summary>
    public RougeScorerStatistics Statistics
    {
        get
        {
            lock (_gate)
            {
                return _deduplicator?.Statistics ?? default;
            }
        }
    }

    /// <summary>
    /// One verdict per row, in input order. Calls are serialised; a call whose rows start with the rows of the previous
    /// call (rejected ones may be missing) reuses the earlier decisions and scores only the rows after them.
    /// </summary>
    public ValueTask<IReadOnlyList<Validation>> ValidateAsync(IReadOnlyList<BlockRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (_deduplicator is null)
        {
            return ValueTask.FromResult<IReadOnlyList<Validation>>([.. rows.Select(_ => new Validation(true))]);
        }

        var texts = rows.Select(r => r.GetString("input") ?? "").ToArray();
        RowVerdict[] verdicts;
        lock (_gate)
        {
            verdicts = _deduplicator.Decide(texts, cancellationToken);
        }

        return ValueTask.FromResult<IReadOnlyList<Validation>>([.. verdicts.Select(ToValidation)]);
    }

    private Validation ToValidation(RowVerdict verdict) =>
        verdict.IsValid ? new Validation(true) : new Validation(false, verdict.Score, Reason(verdict));

    private string Reason(RowVerdict verdict)
    {
        var against = verdict.MatchesContext ? $"context {~verdict.Match}" : $"row {verdict.Match}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{_measureName} {ScoreFunctionName} {verdict.Score:0.000} with {against} (threshold {FormatThreshold(_options.Threshold)})");
    }

    private string ScoreFunctionName => _options.ScoreFunc switch
    {
        RougeScoreFunction.Precision => "precision",
        RougeScoreFunction.Recall => "recall",
        _ => "f1",
    };

    // "1.0" rather than "1", and every digit of a threshold such as 0.915.
    private static string FormatThreshold(double threshold) =>
        threshold == Math.Floor(threshold)
            ? threshold.ToString("0.0", CultureInfo.InvariantCulture)
            : threshold.ToString("R", CultureInfo.InvariantCulture);
}

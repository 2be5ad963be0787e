namespace Dgt.Blocks.Dedup;

/// <summary>
/// The greedy keep-first decision over a call's rows: a row is valid when its best score against every context text
/// and every earlier valid row is below the threshold.
/// </summary>
internal sealed class RougeDeduplicator
{
    private readonly double _threshold;
    private readonly RougeScoreFunction _function;
    private readonly RougeMeasure[] _measures;
    private readonly TextInterner _interner;
    private readonly InternedText[] _context;

    public RougeDeduplicator(double threshold, RougeScoreFunction function, RougeMeasure[] measures, IReadOnlyList<string> context)
    {
        _threshold = threshold;
        _function = function;
        _measures = measures;
        _interner = new TextInterner(measures);
        _context = [.. context.Select(_interner.Intern)];
    }

    public RowVerdict[] Decide(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var verdicts = new RowVerdict[texts.Count];
        var kept = new List<(InternedText Text, int Match)>();
        for (var i = 0; i < _context.Length; i++)
        {
            kept.Add((_context[i], RowVerdict.ContextMatch(i)));
        }

        for (var row = 0; row < texts.Count; row++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = _interner.Intern(texts[row]);
            var best = double.NegativeInfinity;
            var match = 0;
            foreach (var (earlier, earlierMatch) in kept)
            {
                var score = Score(text, earlier);
                if (score > best)
                {
                    best = score;
                    match = earlierMatch;
                }
            }

            if (kept.Count == 0 || best < _threshold)
            {
                verdicts[row] = RowVerdict.Valid;
                kept.Add((text, row));
            }
            else
            {
                verdicts[row] = new RowVerdict(false, best, match);
            }
        }

        return verdicts;
    }

    private double Score(InternedText text, InternedText earlier)
    {
        var sum = 0.0;
        foreach (var measure in _measures)
        {
            var common = measure.IsLcs
                ? Lcs(text.Tokens, earlier.Tokens)
                : NgramVocabulary.Shared(text.Ngrams[measure.NgramSize], earlier.Ngrams[measure.NgramSize]);
            sum += RougeFormula.Score(common, text.SizeFor(measure), earlier.SizeFor(measure), _function);
        }

        return sum / _measures.Length;
    }

    private static int Lcs(int[] left, int[] right)
    {
        var row = new int[right.Length + 1];
        foreach (var token in left)
        {
            var diagonal = 0;
            for (var j = 1; j <= right.Length; j++)
            {
                var above = row[j];
                row[j] = token == right[j - 1] ? diagonal + 1 : Math.Max(above, row[j - 1]);
                diagonal = above;
            }
        }

        return row[right.Length];
    }
}

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// Finds, for one new row, the best kept row in an ordinal range that reaches the threshold. Owns the scratch buffers
/// of one thread, so it allocates nothing per pair; the kept rows and the index are only read while it runs.
/// </summary>
internal sealed class RowProber(RougeDeduplicatorSettings settings, KeptRows kept, PrefixIndex? index)
{
    private readonly BitParallelLcs _lcs = new();
    private int[] _seen = new int[1024];
    private int _stamp;
    private int[] _neededByLength = new int[256];
    private int[] _neededStamp = new int[256];

    // Per-probe state, in fields so that the candidate loop stays a plain method call.
    private InternedText _row = null!;
    private bool _prepared;
    private ProbeResult _best;

    /// <summary>Pairs whose shared size or score was computed by this prober.</summary>
    public long PairsScored { get; private set; }

    /// <summary>The best match in ordinals [from, to) among kept rows found through the prefix index (Rouge-L only).</summary>
    public ProbeResult ProbeIndexed(InternedText row, int from, int to, int vocabularySize)
    {
        var m = row.Tokens.Length;
        if (m == 0 || from >= to)
        {
            return ProbeResult.None;
        }

        Begin(row, to);
        var elements = row.Elements!;
        var prefix = settings.Bounds.ProbePrefixLength(m);
        var lengths = kept.Lengths;
        var seen = _seen;
        var stamp = _stamp;
        for (var i = 0; i < prefix; i++)
        {
            var postings = index!.Postings(elements[i]);
            if (from == 0)
            {
                for (var k = 0; k < postings.Length; k += 2)
                {
                    var ordinal = postings[k];
                    if (ordinal >= to)
                    {
                        break;
                    }

                    if (seen[ordinal] != stamp)
                    {
                        seen[ordinal] = stamp;
                        Consider(ordinal, lengths[ordinal], m - i, postings[k + 1], vocabularySize);
                    }
                }
            }
            else
            {
                // Rows kept since the batch began sit at the ends of the lists.
                for (var k = postings.Length - 2; k >= 0; k -= 2)
                {
                    var ordinal = postings[k];
                    if (ordinal < from)
                    {
                        break;
                    }

                    if (ordinal < to && seen[ordinal] != stamp)
                    {
                        seen[ordinal] = stamp;
                        Consider(ordinal, lengths[ordinal], m - i, postings[k + 1], vocabularySize);
                    }
                }
            }
        }

        return _best;
    }

    /// <summary>The best match in ordinals [from, to), comparing with every kept row the lengths do not rule out.</summary>
    public ProbeResult Scan(InternedText row, int from, int to, int vocabularySize)
    {
        Begin(row, to);
        var measures = settings.Measures;
        for (var ordinal = from; ordinal < to; ordinal++)
        {
            var earlier = kept[ordinal];

            // The score of each measure cannot exceed the one of sharing everything the shorter side has; adding and
            // dividing in the same order keeps that true of the mean in floating point.
            var bound = 0.0;
            foreach (var measure in measures)
            {
                var size = row.SizeFor(measure);
                var earlierSize = earlier.SizeFor(measure);
                bound += RougeFormula.Score(Math.Min(size, earlierSize), size, earlierSize, settings.Function);
            }

            bound /= measures.Length;
            if (bound < settings.Threshold || !_best.IsBeatenBy(bound, ordinal))
            {
                continue;
            }

            var score = 0.0;
            foreach (var measure in measures)
            {
                var size = row.SizeFor(measure);
                var earlierSize = earlier.SizeFor(measure);
                var shared = measure.IsLcs
                    ? Lcs(earlier, vocabularySize)
                    : NgramVocabulary.Shared(row.Ngrams[measure.NgramSize], earlier.Ngrams[measure.NgramSize]);
                score += RougeFormula.Score(shared, size, earlierSize, settings.Function);
            }

            score /= measures.Length;
            PairsScored++;
            if (score >= settings.Threshold && _best.IsBeatenBy(score, ordinal))
            {
                _best = new ProbeResult(true, score, ordinal);
            }
        }

        return _best;
    }

    private void Begin(InternedText row, int to)
    {
        if (_seen.Length < to)
        {
            _seen = new int[Math.Max(to, _seen.Length * 2)];
        }

        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seen);
            Array.Clear(_neededStamp);
            _stamp = 1;
        }

        _row = row;
        _prepared = false;
        _best = ProbeResult.None;
    }

    // newRemaining and position locate the first element the two rows share (in rank order): everything before it in
    // either row is unshared, which bounds the overlap, and the LCS never exceeds the overlap.
    private void Consider(int ordinal, int n, int newRemaining, int position, int vocabularySize)
    {
        var m = _row.Tokens.Length;
        var needed = Needed(m, n);
        var upper = Math.Min(newRemaining, n - position);
        if (upper < needed)
        {
            return;
        }

        if (_best.Hit && !_best.IsBeatenBy(RougeFormula.Score(upper, m, n, settings.Function), ordinal))
        {
            return;
        }

        var earlier = kept[ordinal];
        var shared = Lcs(earlier, vocabularySize);
        PairsScored++;
        if (shared < needed)
        {
            return;
        }

        var score = RougeFormula.Score(shared, m, n, settings.Function);
        if (_best.IsBeatenBy(score, ordinal))
        {
            _best = new ProbeResult(true, score, ordinal);
        }
    }

    private int Lcs(InternedText earlier, int vocabularySize)
    {
        if (!_prepared)
        {
            _lcs.Prepare(_row.Tokens, vocabularySize);
            _prepared = true;
        }

        return _lcs.Lcs(earlier.Tokens);
    }

    private int Needed(int m, int n)
    {
        if (_neededStamp.Length <= n)
        {
            var size = Math.Max(n + 1, _neededStamp.Length * 2);
            Array.Resize(ref _neededStamp, size);
            Array.Resize(ref _neededByLength, size);
        }

        if (_neededStamp[n] != _stamp)
        {
            _neededStamp[n] = _stamp;
            _neededByLength[n] = settings.Bounds.Needed(m, n);
        }

        return _neededByLength[n];
    }
}

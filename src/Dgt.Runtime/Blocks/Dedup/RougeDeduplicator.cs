using System.Collections.Concurrent;

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The greedy keep-first decision: a row is valid when its best score against every context text and every earlier
/// valid row is below the threshold. Keeps its kept rows between calls and decides only the rows a call adds.
/// </summary>
/// <remarks>
/// Rows are decided in batches. In parallel, each row of a batch is compared with the rows kept before the batch;
/// then, in order, each is compared with the rows the batch itself has kept so far, and kept if nothing matched. Every
/// row thus meets exactly the kept rows the one-by-one definition gives it, so decisions do not depend on the batch
/// size or the number of cores. Candidates come from a hash of token sequences (threshold 1.0), the prefix index
/// (Rouge-L), or a scan with length bounds (n-gram measures, threshold 0).
/// </remarks>
internal sealed class RougeDeduplicator
{
    private const int MinimumBatchSize = 32;
    private readonly RougeDeduplicatorSettings _settings;
    private readonly int _batchSize;
    private readonly TextInterner _interner;
    private readonly KeptRows _kept;
    private readonly Dictionary<int[], int>? _sequences;
    private readonly PrefixIndex? _index;
    private readonly DecidedRows _previous = new();
    private readonly RowProber _sequentialProber;
    private readonly ConcurrentBag<RowProber> _idleProbers = [];
    private readonly List<RowProber> _allProbers = [];
    private readonly Lock _probersGate = new();
    private long _rowsDecided;
    private long _pairs;
    private long _pairsScoredByHash;

    public RougeDeduplicator(RougeDeduplicatorSettings settings, IReadOnlyList<string> context, int batchSize)
    {
        _settings = settings;
        _batchSize = batchSize;
        _interner = new TextInterner(settings.Measures);
        var contextTexts = context.Select(_interner.Intern).ToList();
        _kept = new KeptRows(contextTexts);
        if (settings.IsExactMatching)
        {
            _sequences = new Dictionary<int[], int>(TokenSequenceComparer.Instance);
            RebuildSequences();
        }
        else if (settings.IsIndexable)
        {
            _index = new PrefixIndex(settings.Bounds);
            foreach (var text in contextTexts)
            {
                _index.AssignElements(text, _interner.Tokens.Count);
            }
        }

        _sequentialProber = CreateProber();
    }

    public RougeScorerStatistics Statistics
    {
        get
        {
            lock (_probersGate)
            {
                var scored = _pairsScoredByHash + _allProbers.Sum(p => p.PairsScored);
                return new RougeScorerStatistics(_rowsDecided, scored, _pairs - scored);
            }
        }
    }

    /// <summary>The verdicts of <paramref name="texts"/>, in order. Not thread-safe: calls must not overlap.</summary>
    public RowVerdict[] Decide(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var decisions = new Decision[texts.Count];
        try
        {
            var reused = _previous.Reuse(texts, decisions, _kept);
            if (reused < 0)
            {
                Reset();
                reused = 0;
            }

            var fresh = new InternedText[texts.Count - reused];
            for (var i = 0; i < fresh.Length; i++)
            {
                fresh[i] = _interner.Intern(texts[reused + i]);
            }

            if (_sequences is not null)
            {
                DecideByHash(fresh, decisions, reused);
            }
            else
            {
                _index?.Prepare(_kept, fresh, _interner.Tokens.Count);
                DecideInBatches(fresh, decisions, reused, cancellationToken);
            }

            _rowsDecided += fresh.Length;
            _previous.Remember(texts, decisions);
        }
        catch
        {
            // A call cut short leaves rows kept that no remembered call explains: start afresh next time.
            Reset();
            throw;
        }

        return [.. decisions.Select(ToVerdict)];
    }

    private void DecideByHash(InternedText[] fresh, Decision[] decisions, int offset)
    {
        for (var i = 0; i < fresh.Length; i++)
        {
            var text = fresh[i];
            _pairs += _kept.Count;
            if (text.Tokens.Length > 0 && _sequences!.TryGetValue(text.Tokens, out var match))
            {
                _pairsScoredByHash++;
                decisions[offset + i] = new Decision(false, RougeFormula.Score(text.Tokens.Length, text.Tokens.Length, text.Tokens.Length, _settings.Function), match);
            }
            else
            {
                decisions[offset + i] = Keep(text, offset + i);
            }
        }
    }

    private void DecideInBatches(InternedText[] fresh, Decision[] decisions, int offset, CancellationToken cancellationToken)
    {
        var vocabularySize = _interner.Tokens.Count;
        var earlier = new ProbeResult[Math.Min(_batchSize, fresh.Length)];
        for (int start = 0, end; start < fresh.Length; start = end)
        {
            cancellationToken.ThrowIfCancellationRequested();

            // While few rows are kept, most of a large batch would be compared in its sequential half: grow batches
            // with the kept rows so that the parallel half carries the work.
            end = Math.Min(start + Math.Min(_batchSize, Math.Max(MinimumBatchSize, _kept.Count)), fresh.Length);
            var keptBefore = _kept.Count;
            Parallel.For(
                start,
                end,
                new ParallelOptions { CancellationToken = cancellationToken },
                RentProber,
                (i, _, prober) =>
                {
                    earlier[i - start] = Probe(prober, fresh[i], 0, keptBefore, vocabularySize);
                    return prober;
                },
                _idleProbers.Add);

            for (var i = start; i < end; i++)
            {
                _pairs += _kept.Count;
                var best = earlier[i - start].Or(Probe(_sequentialProber, fresh[i], keptBefore, _kept.Count, vocabularySize));
                decisions[offset + i] = best.Hit ? new Decision(false, best.Score, best.Ordinal) : Keep(fresh[i], offset + i);
            }
        }
    }

    private ProbeResult Probe(RowProber prober, InternedText text, int from, int to, int vocabularySize) =>
        _index is null ? prober.Scan(text, from, to, vocabularySize) : prober.ProbeIndexed(text, from, to, vocabularySize);

    private Decision Keep(InternedText text, int rowIndex)
    {
        var ordinal = _kept.Add(text, rowIndex);
        if (_sequences is not null && text.Tokens.Length > 0)
        {
            _sequences.TryAdd(text.Tokens, ordinal);
        }

        _index?.Add(ordinal, text);
        return new Decision(true, double.NaN, ordinal);
    }

    private RowVerdict ToVerdict(Decision decision) =>
        decision.IsValid ? RowVerdict.Valid : new RowVerdict(false, decision.Score, _kept.MatchOf(decision.Ordinal));

    private void Reset()
    {
        _previous.Clear();
        _kept.Reset();
        if (_sequences is not null)
        {
            RebuildSequences();
        }

        _index?.Clear();
    }

    private void RebuildSequences()
    {
        _sequences!.Clear();
        for (var ordinal = 0; ordinal < _kept.Count; ordinal++)
        {
            // The first of equal context texts is the one a match reports.
            if (_kept[ordinal].Tokens.Length > 0)
            {
                _sequences.TryAdd(_kept[ordinal].Tokens, ordinal);
            }
        }
    }

    private RowProber RentProber() => _idleProbers.TryTake(out var prober) ? prober : CreateProber();

    private RowProber CreateProber()
    {
        var prober = new RowProber(_settings, _kept, _index);
        lock (_probersGate)
        {
            _allProbers.Add(prober);
        }

        return prober;
    }
}

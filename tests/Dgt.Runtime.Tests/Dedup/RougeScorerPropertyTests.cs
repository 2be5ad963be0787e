using Dgt.Runtime.Blocks.Dedup;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>The block agrees with <see cref="PlainRougeReference"/> on random corpora: every decision, score and reason.</summary>
public sealed class RougeScorerPropertyTests
{
    private static readonly double[] Thresholds = [0.0, 0.3, 0.5, 0.7, 0.9, 1.0, 1.1];

    public static TheoryData<int, double, RougeScoreFunction, bool> LcsCases()
    {
        var cases = new TheoryData<int, double, RougeScoreFunction, bool>();
        foreach (var seed in Enumerable.Range(1, 4))
        {
            foreach (var threshold in Thresholds)
            {
                foreach (var function in Enum.GetValues<RougeScoreFunction>())
                {
                    cases.Add(seed, threshold, function, false);
                    cases.Add(seed, threshold, function, true);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(LcsCases))]
    public void Rouge_l_verdicts_match_the_plain_reference(int seed, double threshold, RougeScoreFunction function, bool withContext)
    {
        var rows = RandomCorpus.Create(seed, 160);
        var options = new RougeScorerOptions
        {
            Threshold = threshold,
            ScoreFunc = function,
            Context = withContext ? RandomCorpus.Create(seed + 1000, 8) : null,
        };

        var expected = PlainRougeReference.Validate(rows, options);
        AssertSame(expected, RougeScorerRunner.Validate(options, rows), rows);
        AssertSame(expected, RougeScorerRunner.Create(options, batchSize: 5).Validate(rows), rows);
    }

    public static TheoryData<int, double, string[]> NgramCases()
    {
        var cases = new TheoryData<int, double, string[]>();
        string[][] typeSets = [["n_1"], ["n_2"], ["n_3", "lcs"], ["lcs", "n_1", "n_2", "n_3"]];
        foreach (var seed in Enumerable.Range(11, 2))
        {
            foreach (var threshold in new[] { 0.0, 0.4, 0.7, 1.0 })
            {
                foreach (var types in typeSets)
                {
                    cases.Add(seed, threshold, types);
                }
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(NgramCases))]
    public void Ngram_and_mixed_verdicts_match_the_plain_reference(int seed, double threshold, string[] types)
    {
        var rows = RandomCorpus.Create(seed, 120);
        var options = new RougeScorerOptions { Threshold = threshold, RougeTypes = types, Context = RandomCorpus.Create(seed + 1000, 4) };

        var expected = PlainRougeReference.Validate(rows, options);
        AssertSame(expected, RougeScorerRunner.Validate(options, rows), rows);
        AssertSame(expected, RougeScorerRunner.Create(options, batchSize: 3).Validate(rows), rows);
    }

    public static TheoryData<int, double, RougeScoreFunction, bool> IncrementalCases()
    {
        var cases = new TheoryData<int, double, RougeScoreFunction, bool>();
        foreach (var seed in Enumerable.Range(21, 3))
        {
            foreach (var threshold in new[] { 0.0, 0.5, 0.7, 0.9, 1.0 })
            {
                cases.Add(seed, threshold, RougeScoreFunction.F1, seed % 2 == 0);
                cases.Add(seed, threshold, (RougeScoreFunction)(seed % 3), seed % 2 == 1);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(IncrementalCases))]
    public void Epoch_by_epoch_calls_decide_as_one_call_over_the_same_rows(int seed, double threshold, RougeScoreFunction function, bool filter)
    {
        var random = new Random(seed);
        var generated = RandomCorpus.Create(seed, 240);
        var options = new RougeScorerOptions
        {
            Threshold = threshold,
            ScoreFunc = function,
            Filter = filter,
            Context = RandomCorpus.Create(seed + 1000, 5),
        };
        var scorer = RougeScorerRunner.Create(options, batchSize: 1 + (seed % 8));
        var input = new List<string>();
        var taken = 0;
        while (taken < generated.Count)
        {
            var epoch = Math.Min(random.Next(1, 90), generated.Count - taken);
            input.AddRange(generated.Skip(taken).Take(epoch));
            taken += epoch;

            var verdicts = scorer.Validate(input);

            AssertSame(PlainRougeReference.Validate(input, options), verdicts, input);
            if (filter)
            {
                // The runtime drops what was rejected before the next epoch.
                input = [.. input.Where((_, i) => verdicts[i].IsValid)];
            }
        }
    }

    [Fact]
    public void A_call_that_does_not_continue_the_previous_one_is_decided_from_scratch()
    {
        var options = new RougeScorerOptions { Threshold = 0.7, Context = ["the capital of france"] };
        var scorer = RougeScorerRunner.Create(options);
        var first = RandomCorpus.Create(31, 100);
        scorer.Validate(first);

        var changed = first.ToList();
        changed[10] = "a row that was not there before";
        var shorter = first.Take(50).ToList();
        var reordered = first.AsEnumerable().Reverse().ToList();
        foreach (var rows in new[] { changed, shorter, reordered, first, [.. first, .. RandomCorpus.Create(32, 50)] })
        {
            AssertSame(PlainRougeReference.Validate(rows, options), scorer.Validate(rows), rows);
        }
    }

    private static void AssertSame(IReadOnlyList<Validation> expected, IReadOnlyList<Validation> actual, IReadOnlyList<string> rows)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"row {i} \"{rows[i]}\": expected {expected[i]}, got {actual[i]}");
            }
        }
    }
}

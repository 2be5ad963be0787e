using Dgt.Runtime.Blocks.Dedup;

namespace Dgt.Runtime.Tests.Dedup;

/// <summary>The reference's own expectations (SPEC §5), and the choices Dgt makes where it departs from it.</summary>
public sealed class RougeScorerOracleTests
{
    private static readonly string[] Context = ["I went to the store yesterday", "blue red yellow green"];

    [Fact]
    public void A_row_close_to_the_context_is_kept_below_the_threshold_and_its_longer_variant_is_not()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 0.91, Context = Context },
            ["I went to the store", "I went to the store yesterday"]);

        Assert.Equal([true, false], verdicts.Select(v => v.IsValid));
        Assert.Equal(1.0, verdicts[1].Score);
        Assert.Equal("Rouge-L f1 1.000 with context 0 (threshold 0.91)", verdicts[1].Reason);
    }

    [Fact]
    public void Threshold_one_rejects_exact_duplicates_and_what_the_context_already_holds()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 1.0, Context = Context },
            ["I went to the store", "I went to the store", "I went to the store yesterday"]);

        Assert.Equal([true, false, false], verdicts.Select(v => v.IsValid));
        Assert.Equal("Rouge-L f1 1.000 with row 0 (threshold 1.0)", verdicts[1].Reason);
        Assert.Equal("Rouge-L f1 1.000 with context 0 (threshold 1.0)", verdicts[2].Reason);
    }

    [Fact]
    public void Without_a_threshold_every_row_is_valid()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Context = Context },
            ["I went to the store", "I went to the store", "I went to the store yesterday"]);

        Assert.All(verdicts, v => Assert.Equal(new Validation(true), v));
    }

    [Fact]
    public void Threshold_zero_rejects_a_row_sharing_nothing_because_zero_is_not_below_zero()
    {
        var verdicts = RougeScorerRunner.Validate(new RougeScorerOptions { Threshold = 0.0, Context = Context }, ["one two three"]);

        var verdict = Assert.Single(verdicts);
        Assert.False(verdict.IsValid);
        Assert.Equal(0.0, verdict.Score);
    }

    [Fact]
    public void The_first_row_is_valid_when_there_is_nothing_to_compare_it_with_even_at_threshold_zero()
    {
        var verdicts = RougeScorerRunner.Validate(new RougeScorerOptions { Threshold = 0.0 }, ["one two three", "four"]);

        Assert.Equal([true, false], verdicts.Select(v => v.IsValid));
    }

    [Fact]
    public void Verdicts_come_back_in_input_order_not_sorted_by_context_score()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 0.9, Context = ["alpha beta gamma delta"] },
            ["alpha beta gamma delta", "something else entirely", "alpha beta gamma", "something else entirely"]);

        Assert.Equal([false, true, true, false], verdicts.Select(v => v.IsValid));
        Assert.Equal("Rouge-L f1 1.000 with row 1 (threshold 0.9)", verdicts[3].Reason);
    }

    [Fact]
    public void A_rejected_row_does_not_reject_later_rows_whether_or_not_filter_is_on()
    {
        // b is a near copy of a (rejected); c is a near copy of b but not of a. The Python reference, with filtering
        // off, would compare c with the rejected b and reject it too.
        string[] rows = ["w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", "w1 w2 w3 w4 w5 w6 w7 w8 w9 x10", "w1 w2 w3 w4 w5 w6 w7 w8 y9 x10"];
        foreach (var filter in new[] { false, true })
        {
            var verdicts = RougeScorerRunner.Validate(new RougeScorerOptions { Threshold = 0.85, Filter = filter }, rows);

            Assert.Equal([true, false, true], verdicts.Select(v => v.IsValid));
        }
    }

    [Fact]
    public void Valid_rows_carry_no_score_and_invalid_rows_their_best_one()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 0.5 },
            ["the cat sat on the mat", "a dog sat on the mat", "the cat sat on the mat today"]);

        Assert.Equal(new Validation(true), verdicts[0]);
        Assert.False(verdicts[1].IsValid);
        Assert.Equal(2 * 4 / 12.0, verdicts[1].Score!.Value, 15);
        Assert.Equal("Rouge-L f1 0.923 with row 0 (threshold 0.5)", verdicts[2].Reason);
    }

    [Fact]
    public void Empty_and_missing_inputs_share_nothing_and_are_valid_above_threshold_zero()
    {
        var verdicts = RougeScorerRunner.Validate(new RougeScorerOptions { Threshold = 0.5 }, ["", null, "?!", "", "word"]);

        Assert.All(verdicts, v => Assert.True(v.IsValid));
    }

    [Fact]
    public void Precision_and_recall_are_measured_against_the_earlier_and_the_new_row()
    {
        // Precision divides by the earlier row: a new row containing the whole earlier one scores 1.
        var precision = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 1.0, ScoreFunc = RougeScoreFunction.Precision },
            ["blue sky", "the blue sky today"]);
        var recall = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 1.0, ScoreFunc = RougeScoreFunction.Recall },
            ["the blue sky today", "blue sky"]);

        Assert.Equal([true, false], precision.Select(v => v.IsValid));
        Assert.Equal([true, false], recall.Select(v => v.IsValid));
        Assert.Equal("Rouge-L recall 1.000 with row 0 (threshold 1.0)", recall[1].Reason);
    }

    [Fact]
    public void Ngram_types_count_every_ngram_including_the_last_one()
    {
        // The reference leaves out the last n-gram, so it would see no shared bigram here.
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 0.5, RougeTypes = ["n_2"] },
            ["red apple", "red apple"]);

        Assert.Equal([true, false], verdicts.Select(v => v.IsValid));
        Assert.Equal("Rouge-2 f1 1.000 with row 0 (threshold 0.5)", verdicts[1].Reason);
    }

    [Fact]
    public void Several_types_are_averaged()
    {
        var verdicts = RougeScorerRunner.Validate(
            new RougeScorerOptions { Threshold = 0.7, RougeTypes = ["lcs", "n_2"] },
            ["a b c d", "a b d c"]);

        // Rouge-L 3/4, Rouge-2 1/3: mean 0.5417.
        Assert.Equal([true, true], verdicts.Select(v => v.IsValid));
    }

    [Fact]
    public void An_unknown_rouge_type_is_refused_with_the_accepted_names()
    {
        var error = Assert.Throws<ArgumentException>(() => RougeScorerRunner.Create(new RougeScorerOptions { RougeTypes = ["rougeL"] }));

        Assert.Contains("lcs, n_1, n_2 or n_3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_block_reads_the_input_field_and_reports_its_options()
    {
        var scorer = RougeScorerRunner.Create(new RougeScorerOptions { Filter = true });

        Assert.Equal(["input"], scorer.InputFields);
        Assert.True(scorer.Filter);
        Assert.Equal("dedup", scorer.Name);
    }
}

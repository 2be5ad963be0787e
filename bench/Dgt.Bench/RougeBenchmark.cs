using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dgt.Runtime.Blocks.Dedup;
using Dgt.Runtime.Tests.Dedup;

namespace Dgt.Bench;

/// <summary>
/// <c>rouge</c>: deduplicates a corpus with a fresh <see cref="RougeScorer"/> in one call, as the first
/// postprocessing of a task would, and prints one JSON line. The scorer is warmed up on a small corpus first so that
/// the figure measures the algorithm, not the JIT.
/// </summary>
internal static class RougeBenchmark
{
    public static Command CreateCommand()
    {
        var input = new Option<string?>("--input") { Description = "A JSONL file whose rows to deduplicate (else synthetic questions)." };
        var field = new Option<string>("--field") { Description = "The field of --input to score.", DefaultValueFactory = _ => "question" };
        var rows = BenchCommandLine.Number("--rows", "How many synthetic questions.", 10_000);
        var seed = BenchCommandLine.Number("--seed", "Seeds the synthetic questions.", 1);
        var threshold = BenchCommandLine.Number("--threshold", "The similarity from which a row is a duplicate.", 0.7);
        var scoreFunc = BenchCommandLine.Choice("--score-func", "The score compared with the threshold.", "f1", "precision", "recall");
        var decisionsOut = new Option<string?>("--decisions-out") { Description = "A file to write the verdicts to, 1 (kept) or 0 a line." };
        var compareReference = new Option<bool>("--compare-reference") { Description = "Also time the plain reference scorer and compare verdicts." };
        var referenceRows = BenchCommandLine.Number("--reference-rows", "How many rows the reference scorer gets.", 5_000);
        var command = new Command("rouge", "Time the rouge_scorer deduplicator.")
        {
            input, field, rows, seed, threshold, scoreFunc, decisionsOut, compareReference, referenceRows,
        };
        command.SetAction(parsed => Run(new RougeRun
        {
            Texts = parsed.GetValue(input) is { } path
                ? ReadField(path, parsed.GetValue(field)!)
                : QuestionSynthesizer.Create(parsed.GetValue(rows), parsed.GetValue(seed)),
            Options = new RougeScorerOptions
            {
                Threshold = parsed.GetValue(threshold),
                ScoreFunc = Enum.Parse<RougeScoreFunction>(parsed.GetValue(scoreFunc)!, ignoreCase: true),
            },
            DecisionsOut = parsed.GetValue(decisionsOut),
            ReferenceRows = parsed.GetValue(compareReference) ? parsed.GetValue(referenceRows) : null,
        }));
        return command;
    }

    private static int Run(RougeRun run)
    {
        var (texts, options) = (run.Texts, run.Options);
        Time(options, QuestionSynthesizer.Create(2_000, 999));
        var (verdicts, seconds, statistics) = Time(options, texts);
        if (run.DecisionsOut is { } decisionsOut)
        {
            File.WriteAllLines(decisionsOut, verdicts.Select(v => v.IsValid ? "1" : "0"));
        }

        using var output = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteNumber("rows", texts.Count);
        json.WriteNumber("threshold", options.Threshold);
        json.WriteString("score_func", options.ScoreFunc.ToString().ToLowerInvariant());
        json.WriteNumber("kept", verdicts.Count(v => v.IsValid));
        json.WriteNumber("seconds", Math.Round(seconds, 3));
        json.WriteNumber("pairs_scored", statistics.PairsScored);
        json.WriteNumber("pairs_pruned", statistics.PairsPruned);
        if (run.ReferenceRows is { } referenceRows)
        {
            CompareWithReference(json, options, [.. texts.Take(referenceRows)]);
        }

        json.WriteNumber("peak_working_set_mb", Math.Round(Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, 1));
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        return 0;
    }

    private static void CompareWithReference(Utf8JsonWriter json, RougeScorerOptions options, List<string> texts)
    {
        var (fast, fastSeconds, statistics) = Time(options, texts);
        var watch = Stopwatch.StartNew();
        var reference = PlainRougeReference.Validate(texts, options);
        var referenceSeconds = watch.Elapsed.TotalSeconds;

        // Both compare the same pairs (the greedy definition's), so the ratio of pairs per second is the ratio of times.
        var pairs = statistics.PairsScored + statistics.PairsPruned;
        json.WriteNumber("reference_rows", texts.Count);
        json.WriteNumber("reference_pairs", pairs);
        json.WriteNumber("reference_seconds", Math.Round(referenceSeconds, 3));
        json.WriteNumber("fast_seconds_on_reference_rows", Math.Round(fastSeconds, 4));
        json.WriteNumber("reference_pairs_per_second", Math.Round(pairs / referenceSeconds));
        json.WriteNumber("fast_pairs_per_second", Math.Round(pairs / fastSeconds));
        json.WriteNumber("pairs_per_second_ratio", Math.Round(referenceSeconds / fastSeconds, 1));
        json.WriteBoolean("decisions_agree", fast.Select(v => v.IsValid).SequenceEqual(reference.Select(v => v.IsValid)));
        json.WriteBoolean("verdicts_identical", fast.SequenceEqual(reference));
    }

    private static (IReadOnlyList<Validation> Verdicts, double Seconds, RougeScorerStatistics Statistics) Time(
        RougeScorerOptions options, IReadOnlyList<string> texts)
    {
        var rows = texts.Select(t => new BlockRow(new Dictionary<string, object?> { ["input"] = t })).ToList();
        var scorer = new RougeScorer(options, new BlockContext("dedup", "bench", _ => null));
        var watch = Stopwatch.StartNew();
        var verdicts = scorer.ValidateAsync(rows, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return (verdicts, watch.Elapsed.TotalSeconds, scorer.Statistics);
    }

    private static List<string> ReadField(string path, string field)
    {
        var texts = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            texts.Add(document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()!
                : "");
        }

        return texts;
    }
}

/// <summary>What one <c>rouge</c> run scores, and what it writes besides its JSON line.</summary>
internal sealed record RougeRun
{
    public required IReadOnlyList<string> Texts { get; init; }

    public required RougeScorerOptions Options { get; init; }

    /// <summary>Where to write the verdicts, if anywhere.</summary>
    public string? DecisionsOut { get; init; }

    /// <summary>How many rows the reference scorer is timed on, or null not to compare.</summary>
    public int? ReferenceRows { get; init; }
}

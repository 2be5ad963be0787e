using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dgt.Blocks.Dedup;
using Dgt.Runtime.Tests.Dedup;

namespace Dgt.Bench;

/// <summary>
/// <c>rouge</c>: deduplicates a corpus with a fresh <see cref="RougeScorer"/> in one call, as the first
/// postprocessing of a task would, and prints one JSON line. The scorer is warmed up on a small corpus first so that
/// the figure measures the algorithm, not the JIT.
/// </summary>
internal static class RougeBenchmark
{
    public static int Run(BenchArguments arguments)
    {
        var texts = arguments.String("input") is { } input
            ? ReadField(input, arguments.String("field") ?? "question")
            : QuestionSynthesizer.Create(arguments.Int("rows", 10_000), arguments.Int("seed", 1));
        var options = new RougeScorerOptions
        {
            Threshold = arguments.Double("threshold", 0.7),
            ScoreFunc = Enum.Parse<RougeScoreFunction>(arguments.String("score-func") ?? "f1", ignoreCase: true),
        };

        Time(options, QuestionSynthesizer.Create(2_000, 999));
        var (verdicts, seconds, statistics) = Time(options, texts);
        if (arguments.String("decisions-out") is { } decisionsOut)
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
        if (arguments.Has("compare-reference"))
        {
            CompareWithReference(json, options, [.. texts.Take(arguments.Int("reference-rows", 5_000))]);
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

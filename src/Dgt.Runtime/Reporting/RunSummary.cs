using System.Globalization;
using Dgt.Runtime.Run;
using Dgt.Runtime.Startup;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Reporting;

/// <summary>The one-screen summary printed at the end of a run.</summary>
public static class RunSummary
{
    public static void Print(IReadOnlyList<TaskOutcome> outcomes, RunPlan plan, TimeSpan elapsed, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var invariant = CultureInfo.InvariantCulture;
        writer.WriteLine();
        writer.WriteLine("Summary");
        writer.WriteLine(string.Create(invariant, $"  {"task",-40} {"rows",12} {"generated",10} {"rejected",9} {"attempts",9}  status"));
        foreach (var outcome in outcomes)
        {
            var status = outcome.EndReason switch
            {
                TaskEndReason.Completed => "complete",
                TaskEndReason.Stalled => "SHORT (stalled)",
                TaskEndReason.Capped => "SHORT (max_gen_requests)",
                _ => "unfinished",
            };
            writer.WriteLine(string.Create(invariant,
                $"  {outcome.Name,-40} {outcome.FinalRows + "/" + outcome.Target,12} {outcome.Generated,10} {outcome.Rejected,9} {outcome.Attempts,9}  {status}"));
        }

        foreach (var builder in plan.Builders)
        {
            foreach (var added in builder.AddedBlocks)
            {
                writer.WriteLine($"  builder {builder.Name}: {added}");
            }

            foreach (var engine in builder.Blocks.OfType<LMProvider>())
            {
                var stats = engine.Statistics;
                // Flow control shows itself here: how busy the endpoint was kept, and how far 429s or slow replies
                // pushed the limit down (engines without flow control record none).
                var concurrency = stats.PeakInFlight > 0
                    ? string.Create(invariant, $"; up to {stats.PeakInFlight} at once, limit {stats.ConcurrencyLimit} (lowest {stats.LowestConcurrencyLimit})")
                    : "";
                writer.WriteLine(string.Create(invariant,
                    $"  block {engine.Name} ({engine.ModelId}): {stats.Requests} requests, {stats.Failures} failed, {Math.Max(0, stats.HttpAttempts - (stats.Requests - stats.CacheHits))} retries, {stats.CacheHits} from cache, {stats.PromptTokens} prompt + {stats.CompletionTokens} completion tokens{concurrency}"));
            }

            foreach (var (name, value) in builder.Counters.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                writer.WriteLine(string.Create(invariant, $"  builder {builder.Name}: {name.Replace('_', ' ')} {value}"));
            }
        }

        writer.WriteLine(string.Create(invariant, $"  wall time {RunProgress.Format(elapsed)}"));
        foreach (var outcome in outcomes)
        {
            var relative = Path.GetRelativePath(Environment.CurrentDirectory, outcome.OutputDirectory);
            var shown = relative.StartsWith("..", StringComparison.Ordinal) ? outcome.OutputDirectory : relative;
            writer.WriteLine($"  output: {Path.Combine(shown, "final_data.jsonl")}");
        }
    }
}

using System.Text.Json;

namespace Dgt.Runtime.Storage;

/// <summary>
/// One line of <c>task_results.jsonl</c>: where a task stands (running, completed, incomplete, cancelled, errored),
/// why, and its figures so far, with each engine's calls and the builder's own counters.
/// </summary>
public sealed record TaskStatusLine
{
    public required string TaskName { get; init; }

    public required string Status { get; init; }

    /// <summary>Why the task stopped short or failed; none while it runs or once it completed.</summary>
    public string? Message { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required int TargetRows { get; init; }

    public required int AcceptedRows { get; init; }

    public required long GeneratedRows { get; init; }

    public required int ResumedRows { get; init; }

    public required long RejectedRows { get; init; }

    public required int Attempts { get; init; }

    public required IReadOnlyList<LMProvider> Engines { get; init; }

    public required IReadOnlyDictionary<string, long> BuilderCounters { get; init; }

    /// <summary>Writes the line's JSON object.</summary>
    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("task_name", TaskName);
        writer.WriteString("status", Status);
        writer.WriteString("time", DateTimeOffset.UtcNow);
        writer.WriteNumber("pid", Environment.ProcessId);
        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }

        writer.WriteStartObject("metrics");
        writer.WriteNumber("target_rows", TargetRows);
        writer.WriteNumber("accepted_rows", AcceptedRows);
        writer.WriteNumber("generated_rows", GeneratedRows);
        writer.WriteNumber("resumed_rows", ResumedRows);
        writer.WriteNumber("rejected_rows", RejectedRows);
        writer.WriteNumber("attempts", Attempts);
        writer.WriteNumber("seconds", Math.Round(Elapsed.TotalSeconds, 3));
        writer.WriteStartObject("blocks");
        foreach (var engine in Engines)
        {
            var statistics = engine.Statistics;
            writer.WriteStartObject(engine.Name);
            writer.WriteNumber("requests", statistics.Requests);
            writer.WriteNumber("failed_requests", statistics.Failures);
            writer.WriteNumber("http_attempts", statistics.HttpAttempts);
            writer.WriteNumber("cache_hits", statistics.CacheHits);
            writer.WriteNumber("lowest_concurrency_limit", statistics.LowestConcurrencyLimit);
            writer.WriteNumber("peak_in_flight", statistics.PeakInFlight);
            writer.WriteNumber("prompt_tokens", statistics.PromptTokens);
            writer.WriteNumber("completion_tokens", statistics.CompletionTokens);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("builder");
        foreach (var (name, value) in BuilderCounters.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}

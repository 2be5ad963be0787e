using Dgt.Runtime.Reporting;

namespace Dgt.Runtime.Run;

/// <summary>Runs a builder's postprocessors, in order, over a task's rows.</summary>
public sealed class PostprocessingPipeline<TData>(IReadOnlyList<Postprocessor> postprocessors, RowCodec<TData> codec)
    where TData : DataPoint
{
    /// <summary>True when the builder has postprocessors.</summary>
    public bool IsEmpty => postprocessors.Count == 0;

    /// <summary>
    /// One postprocessing round of a task: every row it has (accepted before and produced since) goes through the
    /// postprocessors again; what they keep becomes the task's accepted rows, and what they reject goes to its store.
    /// </summary>
    public async Task RunRoundAsync(GenerationTaskRun<TData> task, RunLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(log);
        IReadOnlyList<TData> rows = [.. task.Accepted, .. task.Pending];
        if (IsEmpty)
        {
            task.AcceptPostprocessed(rows, rejected: 0);
            return;
        }

        log.Info($"Postprocessing {rows.Count} rows.", task.Name);
        var result = await RunAsync(rows, cancellationToken).ConfigureAwait(false);
        task.AcceptPostprocessed(result.Kept, result.Rejected.Count);
        await task.Store.AddRejectsAsync(result.Rejected, cancellationToken).ConfigureAwait(false);
        log.Info($"Postprocessing kept {result.Kept.Count} of {rows.Count} rows.", task.Name);
    }

    /// <summary>Each postprocessor sees the rows the previous one kept; rows keep their generation order.</summary>
    public async Task<PostprocessingResult<TData>> RunAsync(IReadOnlyList<TData> rows, CancellationToken cancellationToken)
    {
        var current = rows;
        var rejected = new List<(string, TData, Validation)>();
        foreach (var postprocessor in postprocessors)
        {
            var inputs = current.Select(row => ToBlockRow(row, postprocessor)).ToList();
            var verdicts = await postprocessor.Block.ValidateAsync(inputs, cancellationToken).ConfigureAwait(false);
            if (verdicts.Count != current.Count)
            {
                throw new InvalidOperationException(
                    $"Block '{postprocessor.Block.Name}' returned {verdicts.Count} verdicts for {current.Count} rows.");
            }

            if (!postprocessor.Block.Filter)
            {
                continue;
            }

            var kept = new List<TData>(current.Count);
            for (var i = 0; i < current.Count; i++)
            {
                if (verdicts[i].IsValid)
                {
                    kept.Add(current[i]);
                }
                else
                {
                    rejected.Add((postprocessor.Block.Name, current[i], verdicts[i]));
                }
            }

            current = kept;
        }

        return new PostprocessingResult<TData>(current, rejected);
    }

    private BlockRow ToBlockRow(TData row, Postprocessor postprocessor)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (blockField, rowField) in postprocessor.BlockFieldToRowField)
        {
            fields[blockField] = codec.TryGetField(row, rowField, out var value) ? value : null;
        }

        return new BlockRow(fields);
    }
}

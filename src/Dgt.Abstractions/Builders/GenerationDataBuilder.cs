namespace Dgt;

/// <summary>
/// A builder that generates new rows of <typeparamref name="TData"/> from seed and earlier machine rows, until each task
/// has the rows it asked for.
/// </summary>
public abstract class GenerationDataBuilder<TData> : DataBuilder
    where TData : DataPoint
{
    /// <summary>Runs one attempt of the generation loop.</summary>
    public Task<IReadOnlyList<TData>> RunAttemptAsync(GenerationBatch<TData> batch, CancellationToken cancellationToken) =>
        GenerateAsync(batch, cancellationToken);

    /// <summary>
    /// Returns the new rows made from <paramref name="batch"/>; each row's <see cref="DataPoint.TaskName"/> routes it
    /// to its task.
    /// </summary>
    protected abstract Task<IReadOnlyList<TData>> GenerateAsync(GenerationBatch<TData> batch, CancellationToken cancellationToken);
}

namespace Dgt;

/// <summary>
/// One attempt's input: seeds and accepted machine rows of every active task of the builder, and a random source
/// seeded for the attempt so a run can be repeated.
/// </summary>
public sealed class GenerationBatch<TData>
    where TData : DataPoint
{
    /// <summary>Creates a batch.</summary>
    public GenerationBatch(int requestIndex, IReadOnlyList<TData> inputs, Random random, IReadOnlyDictionary<string, TaskInfo> tasks)
    {
        RequestIndex = requestIndex;
        Inputs = inputs;
        Random = random;
        Tasks = tasks;
    }

    /// <summary>The attempt number, from 1.</summary>
    public int RequestIndex { get; }

    /// <summary>Seed rows followed by machine rows.</summary>
    public IReadOnlyList<TData> Inputs { get; }

    /// <summary>The attempt's random source.</summary>
    public Random Random { get; }

    /// <summary>The active tasks by name.</summary>
    public IReadOnlyDictionary<string, TaskInfo> Tasks { get; }
}

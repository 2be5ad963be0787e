namespace Dgt;

/// <summary>
/// The objects the blocks of one run share, one of each type: every block of the run, whichever builder declared it,
/// gets the same instance, and the next run starts with none. Blocks are created one by one from YAML, so this is
/// where they meet (the HTTP engines find the flow control of their endpoint here) without any state that outlives
/// the run. Keyed by type rather than by name so a library's own internal type is a key no other library can reach.
/// </summary>
public sealed class RunResources
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, object> _resources = [];

    /// <summary>The run's <typeparamref name="T"/>, made by <paramref name="create"/> the first time it is asked for.</summary>
    public T Get<T>(Func<T> create)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(create);
        lock (_gate)
        {
            if (!_resources.TryGetValue(typeof(T), out var resource))
            {
                resource = create();
                _resources.Add(typeof(T), resource);
            }

            return (T)resource;
        }
    }
}

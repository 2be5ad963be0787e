using System.Collections.Concurrent;

namespace Dgt;

/// <summary>The base of every data builder; builders derive from <see cref="GenerationDataBuilder{TData}"/>.</summary>
public abstract class DataBuilder
{
    private readonly ConcurrentDictionary<string, long> _counters = new(StringComparer.Ordinal);

    private protected DataBuilder()
    {
    }

    /// <summary>The builder's own counters (e.g. malformed replies), shown in the run summary and task results.</summary>
    public IReadOnlyDictionary<string, long> Counters => _counters;

    /// <summary>Adds <paramref name="amount"/> to the counter <paramref name="name"/>.</summary>
    protected void Count(string name, long amount = 1) => _counters.AddOrUpdate(name, amount, (_, total) => total + amount);
}

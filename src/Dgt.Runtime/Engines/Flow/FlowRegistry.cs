using System.Collections.Concurrent;

namespace Dgt.Runtime.Engines.Flow;

/// <summary>
/// The flow control of every endpoint, shared by all the blocks that use it. Blocks are created one by one from YAML
/// with nothing but their options and context, so the registry of their run (<see cref="Of"/>) is where they meet;
/// tests give engines registries of their own.
/// </summary>
internal sealed class FlowRegistry
{
    private readonly ConcurrentDictionary<EndpointKey, EndpointFlow> _flows = new();
    private readonly TimeProvider _time;

    public FlowRegistry(TimeProvider time) => _time = time;

    /// <summary>The registry of the run <paramref name="resources"/> belong to, made when its first engine asks for it.</summary>
    public static FlowRegistry Of(RunResources resources) => resources.Get(static () => new FlowRegistry(TimeProvider.System));

    /// <summary>
    /// The endpoint's flow control, joined by one more block: the endpoint keeps the lowest call limit and the lowest
    /// rate limits any of its blocks set, so no block can push it past what another block promised to respect.
    /// </summary>
    public EndpointFlow Join(EndpointKey key, FlowSettings settings)
    {
        var flow = _flows.GetOrAdd(key, static (_, time) => new EndpointFlow(time), _time);
        flow.Accept(settings);
        return flow;
    }
}

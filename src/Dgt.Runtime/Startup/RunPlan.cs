using Dgt.Runtime.Run;

namespace Dgt.Runtime.Startup;

/// <summary>Every builder of the run, checked and prepared, in the order their tasks were given.</summary>
public sealed record RunPlan(IReadOnlyList<IPreparedBuilder> Builders);

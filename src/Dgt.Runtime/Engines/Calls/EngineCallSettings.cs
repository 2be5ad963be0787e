namespace Dgt.Runtime.Engines.Calls;

/// <summary>How an engine's calls are retried and bounded.</summary>
internal sealed record EngineCallSettings(int MaxRetries, TimeSpan AttemptTimeout, RetryBackoff Backoff, TimeProvider Time);

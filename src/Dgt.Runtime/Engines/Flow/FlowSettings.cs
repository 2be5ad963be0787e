namespace Dgt.Runtime.Engines.Flow;

/// <summary>What one block asks of its endpoint's flow control: its <c>call_limit</c> and optional rate limits.</summary>
internal sealed record FlowSettings(int CallLimit, int? MaxRequestsPerMinute = null, int? MaxTokensPerMinute = null);

namespace Dgt.Runtime.Engines.Cache;

/// <summary>A stored reply: the text and the usage the server reported when it first answered.</summary>
internal sealed record CachedReply(string Text, TokenUsage Usage);

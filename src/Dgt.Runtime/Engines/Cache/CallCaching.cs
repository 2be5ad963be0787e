namespace Dgt.Runtime.Engines.Cache;

/// <summary>An engine's response cache with what keys its calls: the engine type, base URL, model and engine-specific options.</summary>
internal sealed class CallCaching(LmResponseCache cache, string engineType, Uri baseUrl, string model, IReadOnlyList<KeyValuePair<string, string>>? extra = null)
{
    public LmResponseCache Cache { get; } = cache;

    public string KeyOf(LmCall call) => LmCacheKey.Compute(engineType, baseUrl, model, call, extra);

    /// <summary>The caching of a block, or null when it keeps no cache.</summary>
    public static CallCaching? For(string? path, string blockName, string engineType, Uri baseUrl, string model, IReadOnlyList<KeyValuePair<string, string>>? extra = null) =>
        path is null ? null : new CallCaching(LmResponseCache.Open(path, blockName), engineType, baseUrl, model, extra);
}

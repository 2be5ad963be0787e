namespace Dgt.Runtime.Engines.Cache;

/// <summary>
/// Where an engine keeps its response cache: the block's <c>lm_cache</c>, else <c>DGT_LM_CACHE</c> as the block's
/// environment reports it (the run's <c>--lm-cache</c> sets that for every engine), else nowhere.
/// </summary>
public static class LmCachePath
{
    /// <summary>The setting every engine without an <c>lm_cache</c> of its own reads.</summary>
    public const string EnvironmentVariable = "DGT_LM_CACHE";

    /// <summary>The cache file of a block, or null when it keeps no cache.</summary>
    public static string? Resolve(string? lmCache, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrWhiteSpace(lmCache))
        {
            return lmCache;
        }

        var fromEnvironment = environment(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : fromEnvironment;
    }
}

using System.Net.Http.Headers;

namespace Dgt.Runtime.Engines.Http;

/// <summary>Reads <c>Retry-After</c>, which a server may give as seconds or as an HTTP date.</summary>
internal static class RetryAfterHeader
{
    /// <summary>The delay the server asked for (never negative), or null when it asked for none.</summary>
    public static TimeSpan? Read(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}

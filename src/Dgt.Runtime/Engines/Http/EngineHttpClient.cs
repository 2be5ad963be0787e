namespace Dgt.Runtime.Engines.Http;

/// <summary>The HTTP client every engine talks through: a connection pool sized to the call limit, no timeout of its own.</summary>
internal static class EngineHttpClient
{
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromSeconds(15);

    /// <summary>
    /// The transport handler, every body bounded to <paramref name="replyByteLimit"/>; <paramref name="outer"/>, when
    /// given, wraps them (its InnerHandler is set here).
    /// </summary>
    public static HttpClient Create(int callLimit, TimeSpan attemptTimeout, long replyByteLimit, DelegatingHandler? outer = null)
    {
        var sockets = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = callLimit,
            // Shorter than the attempt, so a host that never answers is told apart from a server that is slow to reply.
            ConnectTimeout = TimeSpan.FromTicks(Math.Min(MaxConnectTimeout.Ticks, attemptTimeout.Ticks / 2)),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),

            // An abandoned reply (its attempt timed out) must drop its connection at once; draining it for reuse
            // would keep the stalled read alive for up to the drain timeout.
            MaxResponseDrainSize = 0,
        };
        HttpMessageHandler handler = new ReplyLimitHandler(replyByteLimit) { InnerHandler = sockets };
        if (outer is not null)
        {
            outer.InnerHandler = handler;
            handler = outer;
        }

        // The retry pipeline bounds every attempt; HttpClient's own timeout would only race it.
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }
}

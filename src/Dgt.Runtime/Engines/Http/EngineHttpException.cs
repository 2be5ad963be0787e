using System.Net;

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// The server answered with an error status. It keeps what deciding on a retry needs: the status, the
/// <c>Retry-After</c> delay and the server's own error text.
/// </summary>
internal sealed class EngineHttpException(HttpStatusCode status, string? serverError, TimeSpan? retryAfter)
    : Exception($"HTTP {(int)status} {status}{(serverError is null ? "" : $": {serverError}")}")
{
    /// <summary>The response status.</summary>
    public HttpStatusCode Status { get; } = status;

    /// <summary>The error text of the server's JSON body, or the start of a body that is not JSON.</summary>
    public string? ServerError { get; } = serverError;

    /// <summary>How long the server asked the client to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

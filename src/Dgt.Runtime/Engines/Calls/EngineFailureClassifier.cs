using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// Decides what a failed attempt means, for every HTTP engine. A refused connection or an unknown host is permanent
/// only while the engine has never reached the server: after a success it is a server restarting, which a retry
/// outlives. What a 404 means differs by API, so the engine says whether the server blamed the model.
/// </summary>
internal static class EngineFailureClassifier
{
    public static EngineFailure Classify(Exception exception, bool hasReachedServer, Func<EngineHttpException, bool> blamesModel)
    {
        if (Find<ReplyTooLargeException>(exception) is { } tooLarge)
        {
            // A second attempt would be as large: the request fails alone, and the run goes on.
            return new(EngineFailureKind.Rejected, tooLarge.Message);
        }

        return exception switch
        {
            EngineHttpException http => ByStatus(http, blamesModel(http)),
            HttpRequestException request when !hasReachedServer && UnreachableCause(request) is { } cause =>
                new(EngineFailureKind.Unreachable, cause),
            HttpRequestException request => new(EngineFailureKind.Transient, Describe(request)),
            OperationCanceledException { InnerException: TimeoutException } when !hasReachedServer =>
                new(EngineFailureKind.Unreachable, "connection timed out"),
            OperationCanceledException { InnerException: TimeoutException } =>
                new(EngineFailureKind.Transient, "connecting to the server timed out"),
            IncompleteReplyException incomplete => new(EngineFailureKind.Transient, incomplete.Message),
            JsonException => new(EngineFailureKind.Transient, "the reply was not valid JSON (cut short or malformed)"),
            IOException io => new(EngineFailureKind.Transient, $"the connection broke while reading the reply ({io.Message})"),
            ObjectDisposedException => new(EngineFailureKind.Transient, "the connection closed while reading the reply"),
            _ => new(EngineFailureKind.Transient, exception.Message),
        };
    }

    /// <summary>The exception or one it wraps (client libraries wrap what a read throws).</summary>
    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T found)
            {
                return found;
            }
        }

        return null;
    }

    private static EngineFailure ByStatus(EngineHttpException http, bool blamesModel)
    {
        var status = (int)http.Status;
        var reason = http.Message;
        return http.Status switch
        {
            HttpStatusCode.TooManyRequests => new(EngineFailureKind.Throttled, reason, http.RetryAfter),
            HttpStatusCode.RequestTimeout => new(EngineFailureKind.Transient, reason, http.RetryAfter),
            // Built from the status alone: a body answering a refused key may quote part of it.
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new(EngineFailureKind.Unauthorized, $"HTTP {status} {http.Status}"),
            HttpStatusCode.NotFound when blamesModel => new(EngineFailureKind.ModelNotFound, reason),
            HttpStatusCode.NotFound => new(EngineFailureKind.WrongServer, reason),
            _ when status >= 500 => new(EngineFailureKind.Transient, reason, http.RetryAfter),
            _ => new(EngineFailureKind.Rejected, reason),
        };
    }

    private static string? UnreachableCause(HttpRequestException request)
    {
        if (request.HttpRequestError == HttpRequestError.NameResolutionError)
        {
            return "host not found";
        }

        return SocketErrorOf(request) switch
        {
            SocketError.ConnectionRefused => "connection refused",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
            SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
            _ => null,
        };
    }

    private static SocketError? SocketErrorOf(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static string Describe(HttpRequestException request) => request.HttpRequestError switch
    {
        HttpRequestError.ResponseEnded => "the server closed the connection before the reply was complete",
        HttpRequestError.ConnectionError => $"the connection failed ({SocketErrorOf(request)?.ToString() ?? request.Message})",
        HttpRequestError.InvalidResponse => "the server sent an invalid HTTP response",
        _ => request.InnerException is { } inner ? $"{request.Message} ({inner.Message})" : request.Message,
    };
}

using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Dgt.Engines.Ollama;

/// <summary>
/// Decides what a failed attempt means. A refused connection or an unknown host is permanent only while the engine
/// has never reached the server: after a success it is a server restarting, which a retry outlives.
/// </summary>
internal static class OllamaFailureClassifier
{
    public static OllamaFailure Classify(Exception exception, bool hasReachedServer) => exception switch
    {
        OllamaHttpException http => ByStatus(http),
        HttpRequestException request when !hasReachedServer && UnreachableCause(request) is { } cause =>
            new(OllamaFailureKind.Unreachable, cause),
        HttpRequestException request => new(OllamaFailureKind.Transient, Describe(request)),
        OperationCanceledException { InnerException: TimeoutException } when !hasReachedServer =>
            new(OllamaFailureKind.Unreachable, "connection timed out"),
        OperationCanceledException { InnerException: TimeoutException } =>
            new(OllamaFailureKind.Transient, "connecting to the server timed out"),
        OllamaIncompleteReplyException incomplete => new(OllamaFailureKind.Transient, incomplete.Message),
        JsonException => new(OllamaFailureKind.Transient, "the reply was not valid JSON (cut short or malformed)"),
        IOException io => new(OllamaFailureKind.Transient, $"the connection broke while reading the reply ({io.Message})"),
        ObjectDisposedException => new(OllamaFailureKind.Transient, "the connection closed while reading the reply"),
        _ => new(OllamaFailureKind.Transient, exception.Message),
    };

    private static OllamaFailure ByStatus(OllamaHttpException http)
    {
        var status = (int)http.Status;
        var reason = http.Message;
        return http.Status switch
        {
            HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout =>
                new(OllamaFailureKind.Transient, reason, http.RetryAfter),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden =>
                new(OllamaFailureKind.Unauthorized, $"HTTP {status} {http.Status}"),
            HttpStatusCode.NotFound when MentionsMissingModel(http.ServerError) =>
                new(OllamaFailureKind.ModelNotFound, reason),
            HttpStatusCode.NotFound => new(OllamaFailureKind.NotOllama, reason),
            _ when status >= 500 => new(OllamaFailureKind.Transient, reason, http.RetryAfter),
            _ => new(OllamaFailureKind.Rejected, reason),
        };
    }

    // Ollama says "model 'x' not found" (older servers: "model \"x\" not found, try pulling it first").
    private static bool MentionsMissingModel(string? serverError) =>
        serverError is not null
        && serverError.Contains("model", StringComparison.OrdinalIgnoreCase)
        && serverError.Contains("not found", StringComparison.OrdinalIgnoreCase);

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

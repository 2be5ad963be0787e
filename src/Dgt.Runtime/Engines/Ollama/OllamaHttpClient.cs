using System.Text.Json;
using OllamaSharp;
using OllamaSharp.Models;

namespace Dgt.Engines.Ollama;

/// <summary>
/// OllamaSharp's client with the HTTP exchange in Dgt's hands: an error status becomes an
/// <see cref="OllamaHttpException"/> that keeps <c>Retry-After</c> and Ollama's error text (OllamaSharp's own
/// exception drops both), and the reply body stays bound to the attempt's cancellation while it is read.
/// </summary>
internal sealed class OllamaHttpClient : OllamaApiClient
{
    // Enough for any error object Ollama sends; a larger body (an HTML page from a proxy) only needs its start.
    private const int MaxErrorBodyChars = 2000;

    private readonly HttpClient _http;
    private readonly TimeProvider _time;

    public OllamaHttpClient(HttpClient http, string model, TimeProvider time)
        : base(http, model, OllamaJsonContext.Default)
    {
        _http = http;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendToOllamaAsync(
        HttpRequestMessage requestMessage,
        OllamaRequest? ollamaRequest,
        HttpCompletionOption completionOption,
        CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(requestMessage, completionOption, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            using (response)
            {
                var retryAfter = RetryAfterHeader.Read(response.Headers.RetryAfter, _time.GetUtcNow());
                var serverError = await ReadErrorAsync(response.Content, cancellationToken).ConfigureAwait(false);
                throw new OllamaHttpException(response.StatusCode, serverError, retryAfter);
            }
        }

        response.Content = new CancellableContent(response.Content, cancellationToken);
        return response;
    }

    private static async Task<string?> ReadErrorAsync(HttpContent content, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }

        if (body.Length > MaxErrorBodyChars)
        {
            body = body[..MaxErrorBodyChars];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error)
                && error.ValueKind == JsonValueKind.String)
            {
                return error.GetString();
            }
        }
        catch (JsonException)
        {
            // Not Ollama's JSON error (a proxy's page, plain text): its first line still says something useful.
        }

        var firstLine = body.AsSpan().Trim();
        var lineEnd = firstLine.IndexOfAny('\r', '\n');
        var shown = (lineEnd < 0 ? firstLine : firstLine[..lineEnd]).ToString();
        return shown.Length == 0 ? null : shown[..Math.Min(shown.Length, 200)];
    }
}

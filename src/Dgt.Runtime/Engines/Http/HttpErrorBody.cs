using System.Text.Json;

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// Reads what an error response says: the <c>error</c> text of Ollama's <c>{"error": "…"}</c>, the <c>message</c> of
/// OpenAI's <c>{"error": {"message": "…"}}</c>, the top-level <c>message</c> vLLM sends, or the first line of anything else (a proxy's page, plain text).
/// </summary>
internal static class HttpErrorBody
{
    // Enough for any JSON error object; a larger body (an HTML page from a proxy) only needs its start.
    private const int MaxChars = 2000;

    public static async Task<string?> ReadAsync(HttpContent content, CancellationToken cancellationToken)
    {
        try
        {
            return Describe(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return null;
        }
    }

    public static string? Describe(string body)
    {
        if (body.Length > MaxChars)
        {
            body = body[..MaxChars];
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString();
                }

                if (error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    return message.GetString();
                }
            }

            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var topMessage) && topMessage.ValueKind == JsonValueKind.String)
            {
                return topMessage.GetString();
            }
        }
        catch (JsonException)
        {
            // Not a JSON error: its first line still says something useful.
        }

        var firstLine = body.AsSpan().Trim();
        var lineEnd = firstLine.IndexOfAny('\r', '\n');
        var shown = (lineEnd < 0 ? firstLine : firstLine[..lineEnd]).ToString();
        return shown.Length == 0 ? null : shown[..Math.Min(shown.Length, 200)];
    }
}

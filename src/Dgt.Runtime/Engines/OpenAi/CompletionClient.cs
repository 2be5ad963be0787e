using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// A small client of <c>/v1/completions</c>, which the OpenAI package no longer covers: one request, the whole reply
/// read (one JSON object, or server-sent events up to <c>data: [DONE]</c>), the text and usage returned. An error
/// status becomes an <see cref="EngineHttpException"/>; a stream that stops before its end is an incomplete reply.
/// </summary>
internal sealed class CompletionClient(HttpClient http, Uri baseUrl, string? apiKey, TimeProvider time)
{
    private const string DataPrefix = "data:";
    private readonly Uri _endpoint = new(baseUrl, "completions");

    public async Task<EngineAnswer> CompleteAsync(CompletionRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            // Serialised whole, so the body goes out with a Content-Length in the same write as the headers rather
            // than chunked in several (some proxies also refuse chunked request bodies).
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, OpenAiJsonContext.Default.CompletionRequest))
            {
                // A header value of its own: header objects are mutable, so requests never share one.
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        };
        if (apiKey is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        var completion = request.Stream ? HttpCompletionOption.ResponseHeadersRead : HttpCompletionOption.ResponseContentRead;
        using var response = await http.SendAsync(message, completion, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var retryAfter = RetryAfterHeader.Read(response.Headers.RetryAfter, time.GetUtcNow());
            var serverError = await HttpErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
            throw new EngineHttpException(response.StatusCode, serverError, retryAfter);
        }

        return request.Stream
            ? await ReadStreamAsync(response.Content, cancellationToken).ConfigureAwait(false)
            : await ReadWholeAsync(response.Content, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<EngineAnswer> ReadWholeAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var reply = await content.ReadFromJsonAsync(OpenAiJsonContext.Default.CompletionResponse, cancellationToken).ConfigureAwait(false);
        if (reply?.Choices is not [{ Text: { } text }, ..])
        {
            throw new IncompleteReplyException();
        }

        return new EngineAnswer(text, Usage(reply.Usage));
    }

    private static async Task<EngineAnswer> ReadStreamAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        CompletionUsage? usage = null;
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
            {
                if (!line.StartsWith(DataPrefix, StringComparison.Ordinal))
                {
                    continue; // Blank separators, comments and other fields of the event stream.
                }

                var data = line.AsSpan(DataPrefix.Length).Trim();
                if (data.SequenceEqual("[DONE]"))
                {
                    return new EngineAnswer(text.ToString(), Usage(usage));
                }

                var chunk = JsonSerializer.Deserialize(data, OpenAiJsonContext.Default.CompletionResponse);
                if (chunk?.Choices is [{ } choice, ..])
                {
                    text.Append(choice.Text);
                }

                usage = chunk?.Usage ?? usage;
            }
        }

        throw new IncompleteReplyException();
    }

    private static TokenUsage Usage(CompletionUsage? usage) =>
        usage is null ? default : new TokenUsage(usage.PromptTokens, usage.CompletionTokens);
}

using Dgt.Runtime.Engines.Http;
using OllamaSharp;
using OllamaSharp.Models;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// OllamaSharp's client with the HTTP exchange in Dgt's hands: an error status becomes an
/// <see cref="EngineHttpException"/> that keeps <c>Retry-After</c> and Ollama's error text (OllamaSharp's own
/// exception drops both), and the reply body stays bound to the attempt's cancellation while it is read.
/// </summary>
internal sealed class OllamaHttpClient : OllamaApiClient
{
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
                var serverError = await HttpErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
                throw new EngineHttpException(response.StatusCode, serverError, retryAfter);
            }
        }

        response.Content = new CancellableContent(response.Content, cancellationToken);
        return response;
    }
}

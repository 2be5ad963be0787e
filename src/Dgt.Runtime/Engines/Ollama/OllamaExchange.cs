using System.Text;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Http;
using OllamaSharp;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// One HTTP attempt of one call through OllamaSharp: sends the request, reads the reply to its end (streamed or not)
/// and returns the whole text with the token counts of the final chunk. Failures surface as exceptions for the
/// classifier; a reply without its final chunk is one of them.
/// </summary>
internal sealed class OllamaExchange(IOllamaApiClient client, string model, bool stream, int? numCtx) : IEngineExchange<OllamaRequest>
{
    /// <inheritdoc />
    public OllamaRequest Prepare(LmCall call) => call.Method switch
    {
        LmMethod.Completion => OllamaRequests.Generate(call, model, stream, numCtx),
        LmMethod.ChatCompletion => OllamaRequests.Chat(call, model, stream, numCtx),
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Method, "Unknown LLM method."),
    };

    /// <inheritdoc />
    public Task<EngineAnswer> SendAsync(OllamaRequest request, CancellationToken cancellationToken) => request switch
    {
        GenerateRequest generate => GenerateAsync(generate, cancellationToken),
        ChatRequest chat => ChatAsync(chat, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(request), request, "Not a request this engine prepared."),
    };

    /// <inheritdoc />
    public EngineFailure Classify(Exception exception, bool hasReachedServer) =>
        EngineFailureClassifier.Classify(exception, hasReachedServer, static http => OllamaFailureMessages.BlamesModel(http.ServerError));

    private async Task<EngineAnswer> GenerateAsync(GenerateRequest request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        GenerateDoneResponseStream? done = null;
        await foreach (var chunk in client.GenerateAsync(request, cancellationToken).ConfigureAwait(false))
        {
            text.Append(chunk?.Response);
            done = chunk as GenerateDoneResponseStream ?? done;
        }

        return Finish(text, done is null ? null : new TokenUsage(done.PromptEvalCount, done.EvalCount), cancellationToken);
    }

    private async Task<EngineAnswer> ChatAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        ChatDoneResponseStream? done = null;
        await foreach (var chunk in client.ChatAsync(request, cancellationToken).ConfigureAwait(false))
        {
            text.Append(chunk?.Message?.Content);
            done = chunk as ChatDoneResponseStream ?? done;
        }

        return Finish(text, done is null ? null : new TokenUsage(done.PromptEvalCount, done.EvalCount), cancellationToken);
    }

    private static EngineAnswer Finish(StringBuilder text, TokenUsage? usage, CancellationToken cancellationToken)
    {
        // OllamaSharp ends its read loop quietly when the token is cancelled: that is a cancellation, not a short reply.
        cancellationToken.ThrowIfCancellationRequested();
        return usage is { } counted ? new EngineAnswer(text.ToString(), counted) : throw new IncompleteReplyException();
    }
}

using System.ClientModel;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dgt.Runtime.Engines.Calls;
using Dgt.Runtime.Engines.Http;
using Microsoft.Extensions.AI;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// One HTTP attempt of one call to an OpenAI-compatible API: chat through the OpenAI package behind
/// <see cref="IChatClient"/>, completion through <see cref="CompletionClient"/>; streamed or not, the whole text and
/// usage come back. The OpenAI package reports an error status as a <see cref="ClientResultException"/>: it is turned
/// into the <see cref="EngineHttpException"/> every engine classifies.
/// </summary>
internal sealed class OpenAiExchange(IChatClient chat, CompletionClient completions, string model, bool stream, TimeProvider time)
    : IEngineExchange<LmCall>
{
    /// <inheritdoc />
    public LmCall Prepare(LmCall call) => call.Method switch
    {
        LmMethod.Completion when call.Prompt is null => throw new ArgumentException("A completion call needs a prompt.", nameof(call)),
        LmMethod.ChatCompletion when call.Messages is null => throw new ArgumentException("A chat call needs messages.", nameof(call)),
        LmMethod.Completion or LmMethod.ChatCompletion => call,
        _ => throw new ArgumentOutOfRangeException(nameof(call), call.Method, "Unknown LLM method."),
    };

    /// <inheritdoc />
    public async Task<EngineAnswer> SendAsync(LmCall request, CancellationToken cancellationToken)
    {
        try
        {
            return request.Method == LmMethod.Completion
                ? await completions.CompleteAsync(CompletionRequestFor(request), cancellationToken).ConfigureAwait(false)
                : await ChatAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException error) when (error.Status != 0)
        {
            throw HttpError(error);
        }
    }

    /// <inheritdoc />
    public EngineFailure Classify(Exception exception, bool hasReachedServer) =>
        EngineFailureClassifier.Classify(
            // Without a status the package only wraps what the transport threw (a refused connection, a reset).
            exception is ClientResultException { Status: 0, InnerException: { } transport } ? transport : exception,
            hasReachedServer,
            static http => OpenAiFailureMessages.BlamesModel(http.ServerError));

    private CompletionRequest CompletionRequestFor(LmCall call) => new()
    {
        Model = model,
        Prompt = call.Prompt!,
        MaxTokens = call.Options.MaxTokens,
        Temperature = call.Options.Temperature,
        TopP = call.Options.TopP,
        Seed = call.Options.Seed,
        Stop = call.Options.Stop is { Count: > 0 } stop ? stop : null,
        Stream = stream,
        StreamOptions = stream ? new StreamOptions(IncludeUsage: true) : null,
    };

    private async Task<EngineAnswer> ChatAsync(LmCall call, CancellationToken cancellationToken)
    {
        var messages = call.Messages!.Select(message => new AiChatMessage(new ChatRole(message.Role), message.Content)).ToList();
        var options = new ChatOptions
        {
            Temperature = (float?)call.Options.Temperature,
            MaxOutputTokens = call.Options.MaxTokens,
            TopP = (float?)call.Options.TopP,
            Seed = call.Options.Seed,
            StopSequences = call.Options.Stop is { Count: > 0 } stop ? [.. stop] : null,
        };
        if (!stream)
        {
            var response = await chat.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            if (response.FinishReason is null && response.Messages.Count == 0)
            {
                throw new IncompleteReplyException();
            }

            return new EngineAnswer(response.Text, Usage(response.Usage));
        }

        var text = new StringBuilder();
        UsageDetails? usage = null;
        var finished = false;
        await foreach (var update in chat.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            text.Append(update.Text);
            finished |= update.FinishReason is not null;
            foreach (var content in update.Contents)
            {
                if (content is UsageContent counted)
                {
                    usage = counted.Details;
                }
            }
        }

        // The package ends its read quietly when the token is cancelled or the body stops: neither is a reply.
        cancellationToken.ThrowIfCancellationRequested();
        return finished ? new EngineAnswer(text.ToString(), Usage(usage)) : throw new IncompleteReplyException();
    }

    private static TokenUsage Usage(UsageDetails? usage) =>
        new(usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);

    private EngineHttpException HttpError(ClientResultException error)
    {
        var response = error.GetRawResponse();
        TimeSpan? retryAfter = null;
        string? serverError = null;
        if (response is not null)
        {
            if (response.Headers.TryGetValue("Retry-After", out var header)
                && RetryConditionHeaderValue.TryParse(header, out var parsed))
            {
                retryAfter = RetryAfterHeader.Read(parsed, time.GetUtcNow());
            }

            try
            {
                serverError = HttpErrorBody.Describe(response.Content.ToString());
            }
            catch (InvalidOperationException)
            {
                // The body was not buffered: the status alone has to do.
            }
        }

        return new EngineHttpException((HttpStatusCode)error.Status, serverError, retryAfter);
    }
}

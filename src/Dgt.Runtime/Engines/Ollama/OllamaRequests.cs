using OllamaSharp.Models;
using OllamaSharp.Models.Chat;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>Turns an <see cref="LmCall"/> into the OllamaSharp request for its endpoint, options included in both.</summary>
internal static class OllamaRequests
{
    /// <summary>A raw <c>/api/generate</c> request: the prompt goes to the model as written, without a template.</summary>
    public static GenerateRequest Generate(LmCall call, string model, bool stream, int? numCtx) => new()
    {
        Model = model,
        Prompt = call.Prompt ?? throw new ArgumentException("A completion call needs a prompt.", nameof(call)),
        Raw = true,
        Stream = stream,
        Options = Options(call.Options, numCtx),
    };

    /// <summary>A <c>/api/chat</c> request with the call's messages as they are.</summary>
    public static ChatRequest Chat(LmCall call, string model, bool stream, int? numCtx) => new()
    {
        Model = model,
        Messages = (call.Messages ?? throw new ArgumentException("A chat call needs messages.", nameof(call)))
            .Select(message => new Message(new ChatRole(message.Role), message.Content))
            .ToList(),
        Stream = stream,
        Options = Options(call.Options, numCtx),
    };

    /// <summary>The <c>options</c> object, or null when nothing is set so the server's defaults apply.</summary>
    private static RequestOptions? Options(GenerationOptions options, int? numCtx)
    {
        var request = new RequestOptions
        {
            Temperature = (float?)options.Temperature,
            NumPredict = options.MaxTokens,
            TopP = (float?)options.TopP,
            Seed = options.Seed,
            Stop = options.Stop is { Count: > 0 } stop ? [.. stop] : null,
            NumCtx = numCtx,
        };
        var anySet = request.Temperature is not null || request.NumPredict is not null || request.TopP is not null
            || request.Seed is not null || request.Stop is not null || request.NumCtx is not null;
        return anySet ? request : null;
    }
}

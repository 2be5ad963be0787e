using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm.OpenAi;

/// <summary>
/// Writes OpenAI's reply bodies: one <c>chat.completion</c> / <c>text_completion</c> object, or the frames of a
/// server-sent event stream (chunks, the finishing chunk, the usage event when asked for, <c>[DONE]</c>).
/// </summary>
internal static class OpenAiReplies
{
    /// <summary>The whole reply object, or the stream's frames (each a complete <c>data: …\n\n</c> event).</summary>
    public static IReadOnlyList<byte[]> Frames(FakeRequest request, string text, bool hitLimit, int wordsPerChunk)
    {
        var chat = request.Path == FakeOpenAiPaths.Chat;
        var finish = hitLimit ? "length" : "stop";
        var usage = Usage(request, text);
        if (!request.Streams)
        {
            var choice = chat
                ? new JsonObject { ["index"] = 0, ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text }, ["finish_reason"] = finish }
                : new JsonObject { ["index"] = 0, ["text"] = text, ["logprobs"] = null, ["finish_reason"] = finish };
            var whole = Envelope(request, chat ? "chat.completion" : "text_completion", choice);
            whole["usage"] = usage;
            return [Encoding.UTF8.GetBytes(whole.ToJsonString())];
        }

        var frames = new List<byte[]>();
        var pieces = FakeReplyText.Pieces(text);
        for (var i = 0; i < pieces.Count; i += wordsPerChunk)
        {
            frames.Add(Event(Chunk(request, chat, string.Concat(pieces.Skip(i).Take(wordsPerChunk)), finishReason: null, first: i == 0)));
        }

        frames.Add(Event(Chunk(request, chat, "", finish, first: pieces.Count == 0)));
        if (request.Options?["stream_options"]?["include_usage"]?.GetValue<bool>() == true)
        {
            var last = Envelope(request, chat ? "chat.completion.chunk" : "text_completion", choice: null);
            last["usage"] = usage;
            frames.Add(Event(last));
        }

        frames.Add(Encoding.UTF8.GetBytes("data: [DONE]\n\n"));
        return frames;
    }

    /// <summary>OpenAI's error body.</summary>
    public static byte[] Error(string message, string type, string? code) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    }.ToJsonString());

    private static JsonObject Chunk(FakeRequest request, bool chat, string piece, string? finishReason, bool first)
    {
        var choice = chat
            ? new JsonObject { ["index"] = 0, ["delta"] = first ? new JsonObject { ["role"] = "assistant", ["content"] = piece } : new JsonObject { ["content"] = piece }, ["finish_reason"] = finishReason }
            : new JsonObject { ["index"] = 0, ["text"] = piece, ["logprobs"] = null, ["finish_reason"] = finishReason };
        return Envelope(request, chat ? "chat.completion.chunk" : "text_completion", choice);
    }

    private static JsonObject Envelope(FakeRequest request, string kind, JsonObject? choice) => new()
    {
        ["id"] = string.Create(CultureInfo.InvariantCulture, $"fake-{request.Number}"),
        ["object"] = kind,
        ["created"] = 1_700_000_000,
        ["model"] = request.Model,
        ["choices"] = choice is null ? new JsonArray() : new JsonArray(choice),
    };

    private static JsonObject Usage(FakeRequest request, string text)
    {
        var prompt = FakeReplyText.PromptTokens(request, chat: request.Path == FakeOpenAiPaths.Chat);
        var completion = FakeReplyText.CountTokens(text);
        return new JsonObject { ["prompt_tokens"] = prompt, ["completion_tokens"] = completion, ["total_tokens"] = prompt + completion };
    }

    private static byte[] Event(JsonObject data) => Encoding.UTF8.GetBytes("data: " + data.ToJsonString() + "\n\n");
}

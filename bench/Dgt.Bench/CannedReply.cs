using System.Globalization;
using System.Text;

namespace Dgt.Bench;

/// <summary>A reply body and its content type, rendered once into a complete HTTP/1.1 response.</summary>
internal sealed record CannedReply(string ContentType, string Body)
{
    public byte[] Render()
    {
        var body = Encoding.UTF8.GetBytes(Body);
        var head = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 200 OK\r\nContent-Type: {ContentType}\r\nContent-Length: {body.Length}\r\n\r\n"));
        return [.. head, .. body];
    }
}

/// <summary>
/// The replies of an OpenAI-compatible server and of Ollama, as the engine reads them: completion and chat, whole and
/// streamed (the streamed text in several pieces, with token usage at the end, as the real servers send it).
/// </summary>
internal static class CannedReplies
{
    // One question-answer pair as the geography builders read it; "\\n" is the JSON escape of a line break.
    private const string Text = "Question: Which river flows through Budapest?\\nAnswer: The Danube.";
    private static readonly string[] Pieces = ["Question: Which river ", "flows through ", "Budapest?\\nAnswer: ", "The Danube."];

    public static IReadOnlyDictionary<(string Path, bool Stream), CannedReply> OpenAi(string model)
    {
        const string usage = """{"prompt_tokens":12,"completion_tokens":9,"total_tokens":21}""";
        var envelope = $$"""
            "id":"cmpl-bench","created":1700000000,"model":"{{model}}"
            """;
        string CompletionChoice(string text, string? finish) =>
            $$"""{"index":0,"text":"{{text}}","logprobs":null,"finish_reason":{{Finish(finish)}}}""";
        string ChatChoice(string? role, string text, string? finish) =>
            $$"""{"index":0,"delta":{{{(role is null ? "" : $"\"role\":\"{role}\",")}}"content":"{{text}}"},"finish_reason":{{Finish(finish)}}}""";

        string Events(Func<int, string> chunk, string finalChunk, string objectName) =>
            string.Concat(Pieces.Select((_, i) => $"data: {chunk(i)}\n\n")) +
            $"data: {finalChunk}\n\n" +
            $$"""data: {{{envelope}},"object":"{{objectName}}","choices":[],"usage":{{usage}}}""" + "\n\n" +
            "data: [DONE]\n\n";

        return new Dictionary<(string, bool), CannedReply>
        {
            [("/v1/completions", false)] = new("application/json",
                $$"""{{{envelope}},"object":"text_completion","choices":[{{CompletionChoice(Text, "stop")}}],"usage":{{usage}}}"""),
            [("/v1/chat/completions", false)] = new("application/json",
                $$"""{{{envelope}},"object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{{Text}}"},"finish_reason":"stop"}],"usage":{{usage}}}"""),
            [("/v1/completions", true)] = new("text/event-stream", Events(
                i => $$"""{{{envelope}},"object":"text_completion","choices":[{{CompletionChoice(Pieces[i], null)}}]}""",
                $$"""{{{envelope}},"object":"text_completion","choices":[{{CompletionChoice("", "stop")}}]}""",
                "text_completion")),
            [("/v1/chat/completions", true)] = new("text/event-stream", Events(
                i => $$"""{{{envelope}},"object":"chat.completion.chunk","choices":[{{ChatChoice(i == 0 ? "assistant" : null, Pieces[i], null)}}]}""",
                $$"""{{{envelope}},"object":"chat.completion.chunk","choices":[{{ChatChoice(null, "", "stop")}}]}""",
                "chat.completion.chunk")),
        };
    }

    public static IReadOnlyDictionary<(string Path, bool Stream), CannedReply> Ollama(string model)
    {
        var head = $$"""
            "model":"{{model}}","created_at":"2026-01-01T00:00:00Z"
            """;
        const string counts = """
            "done_reason":"stop","total_duration":50000000,"load_duration":1000,"prompt_eval_count":12,"prompt_eval_duration":1000,"eval_count":9,"eval_duration":1000
            """;
        string GeneratePiece(string text) => $$"""{{{head}},"response":"{{text}}","done":false}""";
        string ChatPiece(string text) => $$"""{{{head}},"message":{"role":"assistant","content":"{{text}}"},"done":false}""";

        return new Dictionary<(string, bool), CannedReply>
        {
            [("/api/generate", false)] = new("application/json",
                $$"""{{{head}},"response":"{{Text}}","done":true,{{counts}}}"""),
            [("/api/chat", false)] = new("application/json",
                $$"""{{{head}},"message":{"role":"assistant","content":"{{Text}}"},"done":true,{{counts}}}"""),
            [("/api/generate", true)] = new("application/x-ndjson",
                string.Concat(Pieces.Select(p => GeneratePiece(p) + "\n")) + $$"""{{{head}},"response":"","done":true,{{counts}}}""" + "\n"),
            [("/api/chat", true)] = new("application/x-ndjson",
                string.Concat(Pieces.Select(p => ChatPiece(p) + "\n")) + $$"""{{{head}},"message":{"role":"assistant","content":""},"done":true,{{counts}}}""" + "\n"),
        };
    }

    private static string Finish(string? reason) => reason is null ? "null" : $"\"{reason}\"";
}

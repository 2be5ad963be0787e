using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dgt.Testing.FakeLlm.Ollama;

/// <summary>Writes Ollama's bodies: the streamed chunks, the final object with the usage counts, and the error object.</summary>
internal static class OllamaReplies
{
    private static readonly byte[] LineEnd = "\n"u8.ToArray();

    /// <summary>The frames of a reply: one NDJSON line per chunk when streaming, then the final <c>done</c> object.</summary>
    public static IReadOnlyList<byte[]> Frames(FakeRequest request, string text, bool hitLimit, int wordsPerChunk)
    {
        var chat = request.Path == FakeOllamaPaths.Chat;
        var evalTokens = FakeReplyText.CountTokens(text);
        var frames = new List<byte[]>();
        if (request.Streams)
        {
            var pieces = FakeReplyText.Pieces(text);
            for (var i = 0; i < pieces.Count; i += wordsPerChunk)
            {
                var chunk = string.Concat(pieces.Skip(i).Take(wordsPerChunk));
                frames.Add(Object(writer => WriteChunk(writer, request, chat, chunk, done: false)));
            }

            text = "";
        }

        frames.Add(Object(writer =>
        {
            WriteChunk(writer, request, chat, text, done: true);
            writer.WriteString("done_reason", hitLimit ? "length" : "stop");
            if (!chat)
            {
                writer.WriteStartArray("context");
                writer.WriteNumberValue(1);
                writer.WriteNumberValue(2);
                writer.WriteEndArray();
            }

            writer.WriteNumber("total_duration", 1_000_000);
            writer.WriteNumber("load_duration", 10_000);
            writer.WriteNumber("prompt_eval_count", FakeReplyText.PromptTokens(request, chat));
            writer.WriteNumber("prompt_eval_duration", 100_000);
            writer.WriteNumber("eval_count", evalTokens);
            writer.WriteNumber("eval_duration", 500_000);
        }));
        return request.Streams ? [.. frames.Select(Line)] : frames;
    }

    /// <summary>Ollama's error body: <c>{"error": "…"}</c>.</summary>
    public static byte[] Error(string message) => Object(writer => writer.WriteString("error", message));

    /// <summary>A JSON object built by <paramref name="body"/>, as UTF-8 bytes.</summary>
    public static byte[] Object(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        // Like Ollama's Go encoder, leave quotes and non-ASCII text readable.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A frame as one NDJSON line.</summary>
    public static byte[] Line(byte[] frame) => [.. frame, .. LineEnd];

    private static void WriteChunk(Utf8JsonWriter writer, FakeRequest request, bool chat, string text, bool done)
    {
        writer.WriteString("model", request.Model);
        writer.WriteString("created_at", DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture));
        if (chat)
        {
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", text);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteString("response", text);
        }

        writer.WriteBoolean("done", done);
    }
}

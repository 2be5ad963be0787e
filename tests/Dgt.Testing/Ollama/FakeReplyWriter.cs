using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Dgt.Testing.Ollama;

/// <summary>Writes Ollama's reply objects: the streamed chunks, and the final object with the usage counts.</summary>
internal static class FakeReplyWriter
{
    /// <summary>The lines of a reply: one per piece when streaming, then the final <c>done</c> object.</summary>
    public static IReadOnlyList<byte[]> Lines(FakeRequest request, string text, bool hitLimit, int wordsPerChunk)
    {
        var chat = request.Path == FakeOllamaPaths.Chat;
        var evalTokens = FakeReplyText.CountTokens(text);
        var lines = new List<byte[]>();
        if (request.Streams)
        {
            var pieces = FakeReplyText.Pieces(text);
            for (var i = 0; i < pieces.Count; i += wordsPerChunk)
            {
                var chunk = string.Concat(pieces.Skip(i).Take(wordsPerChunk));
                lines.Add(Object(writer => WriteChunk(writer, request, chat, chunk, done: false)));
            }

            text = "";
        }

        lines.Add(Object(writer =>
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

            var promptTokens = chat
                ? request.Messages?.Sum(m => FakeReplyText.CountTokens(m.Content)) ?? 0
                : FakeReplyText.CountTokens(request.Prompt);
            writer.WriteNumber("total_duration", 1_000_000);
            writer.WriteNumber("load_duration", 10_000);
            writer.WriteNumber("prompt_eval_count", promptTokens);
            writer.WriteNumber("prompt_eval_duration", 100_000);
            writer.WriteNumber("eval_count", evalTokens);
            writer.WriteNumber("eval_duration", 500_000);
        }));
        return lines;
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

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static void WriteChunk(Utf8JsonWriter writer, FakeRequest request, bool chat, string text, bool done)
    {
        writer.WriteString("model", request.Model);
        writer.WriteString("created_at", DateTimeOffset.UtcNow.ToString("o", System.Globalization.CultureInfo.InvariantCulture));
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

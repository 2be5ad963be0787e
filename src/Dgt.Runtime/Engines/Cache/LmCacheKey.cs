using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;

namespace Dgt.Runtime.Engines.Cache;

/// <summary>
/// The cache key of a call: a SHA-256 of a canonical JSON of everything that decides the reply (engine type, base URL,
/// model, method, prompt or messages, the effective generation options, which choice of several replies, and any
/// engine-specific option such as <c>num_ctx</c>). Fields are written in a fixed order with invariant number formats, so equal calls hash equal on any
/// machine; <c>stream</c>, timeouts and limits change how a reply travels, not what it says, and are left out.
/// </summary>
internal static class LmCacheKey
{
    public static string Compute(string engineType, Uri baseUrl, string model, LmCall call, IReadOnlyList<KeyValuePair<string, string>>? extra = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("v", 1);
            writer.WriteString("engine", engineType);
            writer.WriteString("base_url", baseUrl.AbsoluteUri.TrimEnd('/'));
            writer.WriteString("model", model);
            writer.WriteString("method", call.Method == LmMethod.Completion ? "completion" : "chat_completion");
            if (call.Prompt is { } prompt)
            {
                writer.WriteString("prompt", prompt);
            }

            if (call.Messages is { } messages)
            {
                writer.WriteStartArray("messages");
                foreach (var message in messages)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(message.Role);
                    writer.WriteStringValue(message.Content);
                    writer.WriteEndArray();
                }

                writer.WriteEndArray();
            }

            WriteOptions(writer, call.Options);
            if (call.Choice > 0)
            {
                // Another reply to the same input: without a seed, its options alone would not tell it apart.
                writer.WriteNumber("choice", call.Choice);
            }

            foreach (var (name, value) in extra ?? [])
            {
                writer.WriteString("x_" + name, value);
            }

            writer.WriteEndObject();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void WriteOptions(Utf8JsonWriter writer, GenerationOptions options)
    {
        writer.WriteStartObject("options");
        if (options.Temperature is { } temperature)
        {
            writer.WriteNumber("temperature", temperature);
        }

        if (options.MaxTokens is { } maxTokens)
        {
            writer.WriteNumber("max_tokens", maxTokens);
        }

        if (options.TopP is { } topP)
        {
            writer.WriteNumber("top_p", topP);
        }

        if (options.Seed is { } seed)
        {
            writer.WriteNumber("seed", seed);
        }

        if (options.Stop is { Count: > 0 } stop)
        {
            writer.WriteStartArray("stop");
            foreach (var text in stop)
            {
                writer.WriteStringValue(text);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }
}

using System.Text.Json;
using Dgt.Configuration;
using Dgt.Runtime.Configuration;

namespace Dgt.Runtime.Storage;

/// <summary>Writes configuration as JSON for the task card, with secrets replaced.</summary>
public static class ConfigNodeJson
{
    private static readonly string[] SecretWords = ["key", "token", "secret", "password", "authorization", "credential"];

    /// <summary>
    /// Writes <paramref name="node"/>; values under secret-looking keys become <c>"***"</c>, and the user name and password
    /// of any address (a <c>base_url</c> such as <c>http://user:secret@host</c>) are starred out.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, ConfigNode node)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (node)
        {
            case ConfigMapping mapping:
                writer.WriteStartObject();
                foreach (var entry in mapping.Entries)
                {
                    writer.WritePropertyName(entry.Key.Value);
                    if (IsSecretKey(entry.Key.Value) && entry.Value is ConfigScalar { IsNull: false })
                    {
                        writer.WriteStringValue("***");
                    }
                    else
                    {
                        Write(writer, entry.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case ConfigSequence sequence:
                writer.WriteStartArray();
                foreach (var item in sequence.Items)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case ConfigScalar { IsNull: true }:
                writer.WriteNullValue();
                break;
            case ConfigScalar scalar:
                writer.WriteStringValue(AddressUserInfo.StarOut(scalar.Value));
                break;
        }
    }

    /// <summary>True for keys whose values must never be written out (API keys, tokens, passwords).</summary>
    public static bool IsSecretKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var lower = key.ToLowerInvariant();

        // "max_tokens" and friends are options, not secrets.
        if (lower.EndsWith("tokens", StringComparison.Ordinal) || lower.EndsWith("_token_count", StringComparison.Ordinal))
        {
            return false;
        }

        return SecretWords.Any(word => lower.Contains(word, StringComparison.Ordinal)) && lower != "keys";
    }
}

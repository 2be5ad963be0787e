using System.Text.Json;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Generation;

/// <summary>The loop's position for one task, saved after every attempt so a rerun continues where it stopped.</summary>
public sealed record GenerationState(int SeedCursor, int Attempts)
{
    /// <summary>Reads the saved state; a missing or unreadable file means a fresh start.</summary>
    public static GenerationState Load(string path)
    {
        if (!File.Exists(path))
        {
            return new GenerationState(0, 0);
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            return new GenerationState(root.GetProperty("seed_cursor").GetInt32(), root.GetProperty("attempts").GetInt32());
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return new GenerationState(0, 0);
        }
    }

    /// <summary>Saves the state atomically.</summary>
    public Task SaveAsync(string path, CancellationToken cancellationToken)
    {
        var json = RowJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("seed_cursor", SeedCursor);
            writer.WriteNumber("attempts", Attempts);
            writer.WriteEndObject();
        });
        return AtomicFile.WriteLinesAsync(path, [json], cancellationToken);
    }
}

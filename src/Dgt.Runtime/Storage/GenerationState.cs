using System.Text.Json;

namespace Dgt.Runtime.Storage;

/// <summary>
/// The generation loop's position in one task, saved beside its rows after every attempt (see
/// <see cref="TaskStore{TData}.AppendAttemptAsync"/>) so that a rerun continues where the last one stopped.
/// </summary>
/// <param name="SeedCursor">How many seeds the recorded attempts consumed (the cursor wraps around the seed list).</param>
/// <param name="Attempts">Attempts recorded for the task, over all runs.</param>
public sealed record GenerationState(int SeedCursor, int Attempts)
{
    /// <summary>A task that has not run yet.</summary>
    public static GenerationState Start { get; } = new(0, 0);

    /// <summary>The position saved in <paramref name="path"/>, or why it cannot be trusted (unreadable, negative).</summary>
    public static (GenerationState? State, string? Damage) Read(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var cursor = root.GetProperty("seed_cursor").GetInt32();
            var attempts = root.GetProperty("attempts").GetInt32();
            return cursor >= 0 && attempts >= 0
                ? (new GenerationState(cursor, attempts), null)
                : (null, $"{path} holds a negative position (seed_cursor {cursor}, attempts {attempts})");
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return (null, $"{path} cannot be read ({exception.Message})");
        }
    }
}

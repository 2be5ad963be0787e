using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using Dgt.Configuration.Schema;
using Dgt.Configuration;
using Dgt.Runtime.Startup;

namespace Dgt.Runtime.Storage;

/// <summary>
/// A hash of what a task's rows depend on: the task definition (its seeds, description, builder) and the builder's
/// configuration. How many rows are wanted and how they are batched are left out, so a rerun may ask for more rows.
/// Recorded in the task card; a resume under a different fingerprint would mix rows of two configurations.
/// </summary>
public static class TaskFingerprint
{
    private static readonly string[] RunOnlyKeys = ["runner_config"];

    public static string Compute(TaskDefinition task, BuilderDefinition builder)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(builder);
        var json = RowJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName("task");
            ConfigNodeJson.Write(writer, new ConfigMapping([.. task.Source.Entries.Where(e => !RunOnlyKeys.Contains(e.Key.Value))], task.Source.Span));
            writer.WritePropertyName("builder");
            ConfigNodeJson.Write(writer, builder.Source);
            writer.WriteEndObject();
        });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>
    /// The fingerprint of the last run recorded in <paramref name="taskCardPath"/>, if any. A last line cut short by a
    /// kill is passed over: the run that was writing it stopped before making rows, so the rows on disk are those of the
    /// runs recorded before it. <paramref name="damage"/> says why no fingerprint could be read from a card that has lines.
    /// </summary>
    public static string? Recorded(string taskCardPath, out string? damage)
    {
        damage = null;
        if (!File.Exists(taskCardPath))
        {
            return null;
        }

        var lines = File.ReadAllLines(taskCardPath).Where(line => line.Trim().Length > 0).ToList();
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            try
            {
                using var document = JsonDocument.Parse(lines[i]);
                if (document.RootElement.ValueKind == JsonValueKind.Object &&
                    document.RootElement.TryGetProperty("fingerprint", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
            catch (JsonException)
            {
                // A torn or damaged line: look at the run recorded before it.
            }
        }

        if (lines.Count > 0)
        {
            damage = $"{taskCardPath} has no readable line with the configuration's fingerprint";
        }

        return null;
    }
}

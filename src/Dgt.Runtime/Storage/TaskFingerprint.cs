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

    /// <summary>The fingerprint of the last run recorded in <paramref name="taskCardPath"/>, if any.</summary>
    public static string? Recorded(string taskCardPath)
    {
        if (!File.Exists(taskCardPath))
        {
            return null;
        }

        var last = File.ReadLines(taskCardPath).LastOrDefault(line => line.Trim().Length > 0);
        if (last is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(last);
            return document.RootElement.TryGetProperty("fingerprint", out var value) ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

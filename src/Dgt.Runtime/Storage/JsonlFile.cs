using System.Text;
using Dgt.Configuration;
using Dgt.Runtime.Configuration;

namespace Dgt.Runtime.Storage;

/// <summary>Reads JSON-lines files written by an earlier run, tolerating the torn last line a crash can leave.</summary>
public static class JsonlFile
{
    /// <summary>
    /// Reads every complete line of <paramref name="path"/> as a mapping. A last line without its newline (a write cut
    /// short) is reported through <paramref name="onTornLine"/> and cut off the file, so later appends start clean.
    /// Problems in complete lines are added to <paramref name="problems"/>.
    /// </summary>
    public static List<ConfigMapping> ReadMappings(string path, List<ConfigProblem> problems, Action<string> onTornLine)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(onTornLine);
        var rows = new List<ConfigMapping>();
        if (!File.Exists(path))
        {
            return rows;
        }

        var bytes = File.ReadAllBytes(path);
        var lastNewline = Array.LastIndexOf(bytes, (byte)'\n');
        var completeLength = lastNewline + 1;
        if (completeLength < bytes.Length)
        {
            onTornLine($"{path}: the last line was cut short by an interrupted write ({bytes.Length - completeLength} bytes); it was discarded.");
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write);
            stream.SetLength(completeLength);
            stream.Flush(flushToDisk: true);
        }

        var text = Encoding.UTF8.GetString(bytes, 0, completeLength);
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var node = JsonConfigReader.Read(line, path, lineNumber, problems);
            if (node is ConfigMapping mapping)
            {
                rows.Add(mapping);
            }
            else if (node is not null)
            {
                problems.Add(new ConfigProblem(node.Span, $"Each line must be a JSON object, not {node.KindName}.", null));
            }
        }

        return rows;
    }
}

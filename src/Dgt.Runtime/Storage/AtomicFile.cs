namespace Dgt.Runtime.Storage;

/// <summary>Writes a whole file so that readers see the old content or the new, never a half-written one.</summary>
public static class AtomicFile
{
    private const string TemporarySuffix = ".tmp";

    /// <summary>
    /// Removes the temporary files a write cut short (the process was killed before its rename) left in
    /// <paramref name="directory"/>. Only for a directory no other process writes in: the caller holds its lock.
    /// </summary>
    public static void DeleteLeftovers(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(directory, "." + "*" + TemporarySuffix))
        {
            File.Delete(file);
        }
    }

    /// <summary>Writes through a temporary file in the same directory, flushed to disk, then renamed over the target.</summary>
    public static async Task WriteAsync(string path, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(path) + "." + Environment.ProcessId + TemporarySuffix);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(stream).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>Writes <paramref name="lines"/>, one per line.</summary>
    public static Task WriteLinesAsync(string path, IEnumerable<string> lines, CancellationToken cancellationToken) =>
        WriteAsync(path, async stream =>
        {
            await using var writer = new StreamWriter(stream, leaveOpen: true) { NewLine = "\n" };
            foreach (var line in lines)
            {
                await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }, cancellationToken);
}

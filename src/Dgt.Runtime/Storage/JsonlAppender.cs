using System.Text;

namespace Dgt.Runtime.Storage;

/// <summary>
/// Appends lines to a JSON-lines file and makes them durable on <see cref="FlushAsync"/>, so a crash loses at most the
/// lines of the attempt in flight.
/// </summary>
public sealed class JsonlAppender : IAsyncDisposable
{
    private readonly FileStream _stream;

    /// <summary>Opens (creating when needed) <paramref name="path"/> for appending.</summary>
    public JsonlAppender(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 1 << 16, useAsync: true);
    }

    /// <summary>Queues one line (it must not contain a newline).</summary>
    public ValueTask AppendAsync(string line, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(line);
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        return _stream.WriteAsync(bytes, cancellationToken);
    }

    /// <summary>Queues one line without waiting (for callers that cannot await, such as the log).</summary>
    public void Append(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        _stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
    }

    /// <summary>Writes every queued line to disk.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        _stream.Flush(flushToDisk: true);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stream.FlushAsync().ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}

using System.Buffers.Text;
using System.Text;

namespace Dgt.Bench;

/// <summary>One request read off a keep-alive connection: its path and its body.</summary>
internal sealed record HttpRequest(string Path, byte[] Body);

/// <summary>
/// Reads HTTP/1.1 requests one after another from a connection: the request line, the headers it needs
/// (<c>Content-Length</c>, <c>Transfer-Encoding: chunked</c>) and the body. Only as much of HTTP as the clients under
/// benchmark send; anything else is <see cref="InvalidDataException"/>.
/// </summary>
internal sealed class HttpRequestReader(Stream stream)
{
    private const int MaxHeaderBytes = 64 * 1024;
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private byte[] _buffer = new byte[16 * 1024];
    private int _start;
    private int _end;

    /// <summary>The next request, or null when the client closed the connection between requests.</summary>
    public async Task<HttpRequest?> ReadRequestAsync(CancellationToken cancellationToken)
    {
        var headerEnd = await FindAsync(HeaderEnd, MaxHeaderBytes, cancellationToken);
        if (headerEnd < 0)
        {
            return null;
        }

        var head = Encoding.ASCII.GetString(_buffer, _start, headerEnd - _start);
        _start = headerEnd + 4;
        var lines = head.Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3)
        {
            throw new InvalidDataException($"bad request line: {lines[0]}");
        }

        long? contentLength = null;
        var chunked = false;
        foreach (var line in lines.AsSpan(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line.AsSpan(0, colon).Trim();
            var value = line.AsSpan(colon + 1).Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                contentLength = long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
        }

        var body = chunked ? await ReadChunkedAsync(cancellationToken) : await ReadExactAsync((int)(contentLength ?? 0), cancellationToken);
        return new HttpRequest(requestLine[1], body);
    }

    private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        while (true)
        {
            var lineEnd = await FindAsync(LineEnd, MaxHeaderBytes, cancellationToken);
            if (lineEnd < 0)
            {
                throw new InvalidDataException("connection closed inside a chunked body");
            }

            var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }

            if (!Utf8Parser.TryParse(sizeText, out int size, out _, 'x'))
            {
                throw new InvalidDataException("bad chunk size");
            }

            _start = lineEnd + 2;
            if (size == 0)
            {
                // No trailers are sent by the clients under benchmark: the empty line ends the body.
                if (await FindAsync(LineEnd, MaxHeaderBytes, cancellationToken) is var end and >= 0)
                {
                    _start = end + 2;
                }

                return body.ToArray();
            }

            body.Write(await ReadExactAsync(size, cancellationToken));
            await ReadExactAsync(2, cancellationToken);
        }
    }

    private async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
    {
        while (_end - _start < count)
        {
            if (!await FillAsync(count, cancellationToken))
            {
                throw new InvalidDataException("connection closed inside a body");
            }
        }

        var bytes = _buffer.AsSpan(_start, count).ToArray();
        _start += count;
        return bytes;
    }

    /// <summary>The index in the buffer where <paramref name="marker"/> starts, reading more as needed; -1 at a clean end.</summary>
    private async Task<int> FindAsync(byte[] marker, int limit, CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var at = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(marker);
            if (at >= 0)
            {
                return _start + searched + at;
            }

            searched = Math.Max(0, _end - _start - marker.Length + 1);
            if (_end - _start > limit)
            {
                throw new InvalidDataException("headers too long");
            }

            if (!await FillAsync(_end - _start + 1, cancellationToken))
            {
                if (_end == _start)
                {
                    return -1;
                }

                throw new InvalidDataException("connection closed inside a request");
            }
        }
    }

    /// <summary>Reads more bytes, making room for at least <paramref name="needed"/> unread ones; false at the end of the stream.</summary>
    private async Task<bool> FillAsync(int needed, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_buffer.Length < needed || _end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(needed, _buffer.Length * 2));
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }
}

using System.Net;

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// A response body that is torn down when the attempt's token is cancelled. HttpClient stops watching the token once
/// the headers are in, and OllamaSharp reads streamed lines without one, so without this a server that stalls
/// mid-reply would hold the attempt past its timeout.
/// </summary>
internal sealed class CancellableContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly CancellationTokenRegistration _registration;

    public CancellableContent(HttpContent inner, CancellationToken cancellationToken)
    {
        _inner = inner;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        _registration = cancellationToken.Register(static state => ((HttpContent)state!).Dispose(), inner);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        _inner.CopyToAsync(stream);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        _inner.CopyToAsync(stream, cancellationToken);

    protected override Task<Stream> CreateContentReadStreamAsync() => _inner.ReadAsStreamAsync();

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) =>
        _inner.ReadAsStreamAsync(cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? -1;
        return length >= 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _registration.Dispose();
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

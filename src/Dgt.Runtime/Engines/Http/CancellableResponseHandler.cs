namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// Binds every response body to its request's cancellation (see <see cref="CancellableContent"/>), for clients that read
/// bodies without a token of their own, and sends the credential only when there is one: a client library that always
/// adds an <c>Authorization</c> header gets it removed for a local server that takes none.
/// </summary>
internal sealed class CancellableResponseHandler(bool sendAuthorization) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!sendAuthorization)
        {
            request.Headers.Authorization = null;
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new CancellableContent(response.Content, cancellationToken);
        return response;
    }
}

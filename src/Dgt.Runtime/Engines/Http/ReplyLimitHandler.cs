namespace Dgt.Runtime.Engines.Http;

/// <summary>Bounds every response body of an engine (replies and error bodies alike) to its reply size limit.</summary>
internal sealed class ReplyLimitHandler(long limit) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.Content = new BoundedContent(response.Content, limit);
        return response;
    }
}

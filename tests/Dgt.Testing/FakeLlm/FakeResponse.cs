using Microsoft.AspNetCore.Http;

namespace Dgt.Testing.FakeLlm;

/// <summary>A complete response the fake server sends at once: a refusal, an error, or an answer that generates nothing.</summary>
public sealed record FakeResponse(int Status, string ContentType, byte[] Body)
{
    internal async Task WriteAsync(HttpContext context, FakeRequestLog log, InFlightMark? inFlight = null)
    {
        context.Response.StatusCode = Status;
        context.Response.ContentType = ContentType;
        context.Response.ContentLength = Body.Length;
        log.Responded(Status);
        inFlight?.Leave();
        await context.Response.Body.WriteAsync(Body, context.RequestAborted);
    }
}

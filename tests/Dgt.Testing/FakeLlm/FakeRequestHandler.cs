using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// Every request's way through the fake server, whatever the protocol: read the JSON body, record the request (with the
/// fault the plan chose for a generation request), let the protocol refuse it, then answer it or hand it to the
/// <see cref="FaultEngine"/>, counting it as in flight meanwhile.
/// </summary>
internal sealed class FakeRequestHandler(IFakeLlmProtocol protocol, FakeServerOptions options, FakeRequestLog log, CancellationToken stopping)
{
    private readonly FaultEngine _faults = new(protocol, options, log);

    public async Task GenerationAsync(HttpContext context)
    {
        var (request, body) = await ReadAsync(context);
        if (request is null)
        {
            return;
        }

        if (protocol.Refuse(request, body) is { } refusal)
        {
            await refusal.WriteAsync(context, log);
            return;
        }

        var inFlight = new InFlightMark(log);
        try
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await _faults.RespondAsync(context, request, inFlight, abandon.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up (its timeout) or the server is stopping: nothing more to send.
        }
        finally
        {
            inFlight.Leave();
        }
    }

    public async Task InfoAsync(HttpContext context, FakeInfoEndpoint endpoint)
    {
        var (request, body) = await ReadAsync(context);
        if (request is not null)
        {
            await endpoint.Answer(request, body).WriteAsync(context, log);
        }
    }

    /// <summary>The recorded request and its body, or no request when the body was not JSON (answered with a 400).</summary>
    private async Task<(FakeRequest? Request, JsonObject? Body)> ReadAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await ReadJsonAsync(context);
        }
        catch (JsonException e)
        {
            Record(context, body: null);
            await new FakeResponse(400, protocol.JsonContentType, protocol.InvalidBody($"invalid request body: {e.Message}")).WriteAsync(context, log);
            return (null, null);
        }

        return (Record(context, body), body);
    }

    private FakeRequest Record(HttpContext context, JsonObject? body)
    {
        var path = context.Request.Path.Value ?? "";
        var request = protocol.Describe(new FakeRequest
        {
            Number = log.NextNumber(),
            Path = path,
            ReceivedAt = DateTimeOffset.UtcNow,
            Model = Text(body?["model"]),
            Prompt = Text(body?["prompt"]),
            Messages = body?["messages"] is JsonArray messages
                ? [.. messages.OfType<JsonObject>().Select(m => new FakeMessage(Text(m["role"]) ?? "", Text(m["content"]) ?? ""))]
                : null,
            Authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            Body = body?.ToJsonString() ?? "",
        }, body);
        if (log.IsGeneration(path))
        {
            request = request with { Fault = options.Faults.For(request) };
        }

        log.Add(request);
        return request;
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var text = await reader.ReadToEndAsync(context.RequestAborted);
        return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text) as JsonObject;
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

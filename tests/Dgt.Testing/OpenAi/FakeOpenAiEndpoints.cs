using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dgt.Testing.Ollama;
using Microsoft.AspNetCore.Http;

namespace Dgt.Testing.OpenAi;

/// <summary>The fake server's request handling: OpenAI's endpoints, its status codes and error bodies, and the fault plan.</summary>
internal sealed class FakeOpenAiEndpoints(FakeOpenAiOptions options, FakeOpenAiLog log, CancellationToken stopping)
{
    private const string MalformedReplyText = "I'm sorry, but I can't come up with another pair right now.";

    public async Task GenerationAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await ReadJsonAsync(context);
        }
        catch (JsonException e)
        {
            Record(context, body: null);
            await WriteAsync(context, 400, FakeOpenAiReplyWriter.Error($"invalid request body: {e.Message}", "invalid_request_error", null));
            return;
        }

        var request = Record(context, body);
        if (!Authorized(request))
        {
            // Like some servers do, quote the key that was sent: the client must never pass it on.
            var sent = request.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
            await WriteAsync(context, 401, FakeOpenAiReplyWriter.Error($"Incorrect API key provided: {sent}.", "invalid_request_error", "invalid_api_key"));
            return;
        }

        if (body is null || !options.Models.Contains(request.Model ?? ""))
        {
            await WriteAsync(context, 404, FakeOpenAiReplyWriter.Error(
                $"The model `{request.Model}` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"));
            return;
        }

        log.Entered();
        try
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await RespondAsync(context, request, body, abandon.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up (its timeout) or the server is stopping: nothing more to send.
        }
        finally
        {
            log.Left();
        }
    }

    public async Task ModelsAsync(HttpContext context)
    {
        var request = Record(context, body: null);
        if (!Authorized(request))
        {
            await WriteAsync(context, 401, FakeOpenAiReplyWriter.Error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
            return;
        }

        var data = new JsonArray([.. options.Models.Select(m => new JsonObject { ["id"] = m, ["object"] = "model", ["owned_by"] = "fake" })]);
        await WriteAsync(context, 200, FakeReplyWriter.Utf8(new JsonObject { ["object"] = "list", ["data"] = data }.ToJsonString()));
    }

    private bool Authorized(FakeRequest request) =>
        options.ApiKey is null || string.Equals(request.Authorization, "Bearer " + options.ApiKey, StringComparison.Ordinal);

    private FakeRequest Record(HttpContext context, JsonObject? body)
    {
        var path = context.Request.Path.Value ?? "";
        var request = new FakeRequest
        {
            Number = log.NextNumber(),
            Path = path,
            ReceivedAt = DateTimeOffset.UtcNow,
            Model = Text(body?["model"]),
            Prompt = Text(body?["prompt"]),
            Messages = body?["messages"] is JsonArray messages
                ? [.. messages.OfType<JsonObject>().Select(m => new FakeMessage(Text(m["role"]) ?? "", Text(m["content"]) ?? ""))]
                : null,
            // The sampling options of this API sit at the top level of the body.
            Options = body is null ? null : (JsonObject)body.DeepClone(),
            // Unlike Ollama, OpenAI answers with one object unless asked to stream.
            Stream = body?["stream"] is JsonValue value && value.TryGetValue<bool>(out var stream) && stream,
            Authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null,
            Body = body?.ToJsonString() ?? "",
        };
        if (path is FakeOpenAiPaths.Completions or FakeOpenAiPaths.Chat)
        {
            request = request with { Fault = options.Faults.For(request) };
        }

        log.Add(request);
        return request;
    }

    private async Task RespondAsync(HttpContext context, FakeRequest request, JsonObject body, CancellationToken token)
    {
        if (options.Latency > TimeSpan.Zero)
        {
            await Task.Delay(options.Latency, token);
        }

        switch (request.Fault?.Kind)
        {
            case FakeFaultKind.ServerError:
                SetRetryAfter(context, request.Fault);
                await WriteAsync(context, request.Fault.Status, FakeOpenAiReplyWriter.Error("The server had an error while processing your request.", "server_error", null));
                return;
            case FakeFaultKind.TooManyRequests:
                SetRetryAfter(context, request.Fault);
                await WriteAsync(context, 429, FakeOpenAiReplyWriter.Error("Rate limit reached. Please try again later.", "requests", "rate_limit_exceeded"));
                return;
            case FakeFaultKind.Reset:
                context.Abort();
                return;
            case FakeFaultKind.Stall:
                await Task.Delay(options.StallDuration, token);
                break;
        }

        var reply = request.Fault?.Kind == FakeFaultKind.MalformedReply ? MalformedReplyText : options.Responder(request);
        var (text, hitLimit) = FakeOpenAiReplyWriter.Shape(reply, body);
        var frames = FakeOpenAiReplyWriter.Frames(request, body, text, hitLimit, Math.Max(1, options.WordsPerChunk));
        await WriteReplyAsync(context, request, frames, token);
    }

    private async Task WriteReplyAsync(HttpContext context, FakeRequest request, IReadOnlyList<byte[]> frames, CancellationToken token)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = request.Streams ? "text/event-stream" : "application/json";
        log.Responded(200);
        var fault = request.Fault?.Kind;
        if (fault == FakeFaultKind.ResetMidBody && !request.Streams)
        {
            response.ContentLength = frames[0].Length;
        }

        // Where a body-level fault strikes: in the second event of a stream, or halfway through a single object.
        var strikeAt = request.Streams ? Math.Min(1, frames.Count - 1) : 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (i == strikeAt && fault is FakeFaultKind.TruncatedBody or FakeFaultKind.ResetMidBody or FakeFaultKind.StallMidBody)
            {
                var half = frame.Length / 2;
                await response.Body.WriteAsync(frame.AsMemory(0, half), token);
                await response.Body.FlushAsync(token);
                switch (fault)
                {
                    case FakeFaultKind.TruncatedBody:
                        return;
                    case FakeFaultKind.ResetMidBody:
                        context.Abort();
                        return;
                }

                await Task.Delay(options.StallDuration, token);
                await response.Body.WriteAsync(frame.AsMemory(half), token);
            }
            else if (i == strikeAt && fault == FakeFaultKind.MalformedJson)
            {
                var broken = "{\"id\": \"fake\", \"choices\": <not json>}";
                await response.Body.WriteAsync(FakeReplyWriter.Utf8(request.Streams ? $"data: {broken}\n\n" : broken), token);
                return;
            }
            else
            {
                await response.Body.WriteAsync(frame, token);
            }

            if (request.Streams)
            {
                await response.Body.FlushAsync(token);
            }
        }
    }

    private async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        log.Responded(status);
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static void SetRetryAfter(HttpContext context, FakeFault fault)
    {
        if (fault.RetryAfter is not { } wait)
        {
            return;
        }

        context.Response.Headers.RetryAfter = fault.RetryAfterAsDate
            ? (DateTimeOffset.UtcNow + wait).ToString("r", CultureInfo.InvariantCulture)
            : Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
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

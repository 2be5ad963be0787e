using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dgt.Testing.Ollama;

/// <summary>The fake server's request handling: Ollama's endpoints, its status codes and bodies, and the fault plan.</summary>
internal sealed class FakeOllamaEndpoints(FakeOllamaOptions options, FakeOllamaLog log, CancellationToken stopping)
{
    private const string MalformedReplyText = "I'm sorry, but I can't come up with another pair right now.";

    public async Task GenerationAsync(HttpContext context)
    {
        var request = await ReadAsync(context);
        if (request is null)
        {
            return;
        }

        log.Entered();
        try
        {
            using var abandon = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
            await RespondAsync(context, request, abandon.Token);
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

    public async Task TagsAsync(HttpContext context)
    {
        Record(context, body: null);
        var bytes = FakeReplyWriter.Object(writer =>
        {
            writer.WriteStartArray("models");
            foreach (var model in options.Models.Select(Tagged))
            {
                writer.WriteStartObject();
                writer.WriteString("name", model);
                writer.WriteString("model", model);
                writer.WriteString("modified_at", "2025-01-01T00:00:00Z");
                writer.WriteNumber("size", 1_000_000);
                writer.WriteString("digest", "sha256:" + new string('0', 64));
                WriteDetails(writer);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        });
        await WriteAsync(context, 200, bytes);
    }

    public async Task ShowAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await ReadJsonAsync(context);
        }
        catch (JsonException e)
        {
            Record(context, body: null);
            await WriteAsync(context, 400, FakeReplyWriter.Error($"invalid request body: {e.Message}"));
            return;
        }

        var request = Record(context, body);
        var model = request.Model ?? body?["name"]?.GetValue<string>();
        if (!IsKnown(model))
        {
            await WriteAsync(context, 404, FakeReplyWriter.Error($"model '{model}' not found"));
            return;
        }

        var bytes = FakeReplyWriter.Object(writer =>
        {
            writer.WriteString("modelfile", "");
            writer.WriteString("parameters", "");
            writer.WriteString("template", "{{ .Prompt }}");
            WriteDetails(writer);
            writer.WriteStartObject("model_info");
            writer.WriteString("general.architecture", "fake");
            writer.WriteNumber("fake.context_length", 8192);
            writer.WriteEndObject();
            writer.WriteStartArray("capabilities");
            writer.WriteStringValue("completion");
            writer.WriteEndArray();
        });
        await WriteAsync(context, 200, bytes);
    }

    public async Task VersionAsync(HttpContext context)
    {
        Record(context, body: null);
        await WriteAsync(context, 200, FakeReplyWriter.Object(writer => writer.WriteString("version", options.Version)));
    }

    public async Task RootAsync(HttpContext context)
    {
        Record(context, body: null);
        context.Response.ContentType = "text/plain; charset=utf-8";
        log.Responded(200);
        await context.Response.WriteAsync("Ollama is running", context.RequestAborted);
    }

    private async Task<FakeRequest?> ReadAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await ReadJsonAsync(context);
        }
        catch (JsonException e)
        {
            Record(context, body: null);
            await WriteAsync(context, 400, FakeReplyWriter.Error($"invalid request body: {e.Message}"));
            return null;
        }

        var request = Record(context, body);
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            await WriteAsync(context, 400, FakeReplyWriter.Error("model is required"));
            return null;
        }

        if (!IsKnown(request.Model))
        {
            await WriteAsync(context, 404, FakeReplyWriter.Error($"model '{request.Model}' not found"));
            return null;
        }

        return request;
    }

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
            Options = body?["options"] is JsonObject sent ? (JsonObject)sent.DeepClone() : null,
            Stream = Flag(body?["stream"]),
            Raw = Flag(body?["raw"]),
            Body = body?.ToJsonString() ?? "",
        };
        if (path is FakeOllamaPaths.Generate or FakeOllamaPaths.Chat)
        {
            request = request with { Fault = options.Faults.For(request) };
        }

        log.Add(request);
        return request;
    }

    private async Task RespondAsync(HttpContext context, FakeRequest request, CancellationToken token)
    {
        var latency = options.LatencyOf(request.Number);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, token);
        }

        switch (request.Fault?.Kind)
        {
            case FakeFaultKind.ServerError:
                SetRetryAfter(context, request.Fault);
                await WriteAsync(context, request.Fault.Status, FakeReplyWriter.Error("the fake server failed on purpose"));
                return;
            case FakeFaultKind.TooManyRequests:
                SetRetryAfter(context, request.Fault);
                await WriteAsync(context, 429, FakeReplyWriter.Error("server busy, please try again"));
                return;
            case FakeFaultKind.Reset:
                log.Reset();
                context.Abort();
                return;
            case FakeFaultKind.Stall:
                await Task.Delay(options.StallDuration, token);
                break;
        }

        var reply = request.Fault?.Kind == FakeFaultKind.MalformedReply ? MalformedReplyText : options.Responder(request);
        var (text, hitLimit) = FakeReplyText.Shape(reply, request);
        var lines = FakeReplyWriter.Lines(request, text, hitLimit, Math.Max(1, options.WordsPerChunk));
        await WriteReplyAsync(context, request, lines, token);
    }

    private async Task WriteReplyAsync(HttpContext context, FakeRequest request, IReadOnlyList<byte[]> lines, CancellationToken token)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = request.Streams ? "application/x-ndjson" : "application/json; charset=utf-8";
        log.Responded(200);
        var fault = request.Fault?.Kind;

        // Where a body-level fault strikes: after the first streamed line, or halfway through a single object.
        var whole = request.Streams ? null : lines[0];
        if (fault == FakeFaultKind.ResetMidBody && whole is not null)
        {
            response.ContentLength = whole.Length;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var strikesHere = request.Streams ? i == Math.Min(1, lines.Count - 1) : true;
            if (strikesHere && fault is FakeFaultKind.TruncatedBody or FakeFaultKind.ResetMidBody or FakeFaultKind.StallMidBody)
            {
                var half = line.Length / 2;
                await response.Body.WriteAsync(line.AsMemory(0, half), token);
                await response.Body.FlushAsync(token);
                if (fault == FakeFaultKind.TruncatedBody)
                {
                    return;
                }

                if (fault == FakeFaultKind.ResetMidBody)
                {
                    log.Reset();
                    context.Abort();
                    return;
                }

                await Task.Delay(options.StallDuration, token);
                await response.Body.WriteAsync(line.AsMemory(half), token);
            }
            else if (strikesHere && fault == FakeFaultKind.MalformedJson)
            {
                await response.Body.WriteAsync(FakeReplyWriter.Utf8("{\"model\": \"" + request.Model + "\", \"response\": <not json>}"), token);
                if (request.Streams)
                {
                    await response.Body.WriteAsync("\n"u8.ToArray(), token);
                }

                return;
            }
            else
            {
                await response.Body.WriteAsync(line, token);
            }

            if (request.Streams)
            {
                await response.Body.WriteAsync("\n"u8.ToArray(), token);
                await response.Body.FlushAsync(token);
            }
        }
    }

    private async Task WriteAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
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

    private bool IsKnown(string? model) =>
        model is not null && options.Models.Any(known => string.Equals(Tagged(known), Tagged(model), StringComparison.Ordinal));

    private static string Tagged(string model) => model.Contains(':', StringComparison.Ordinal) ? model : model + ":latest";

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool? Flag(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<bool>(out var flag) ? flag : null;

    private static void WriteDetails(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("details");
        writer.WriteString("format", "gguf");
        writer.WriteString("family", "fake");
        writer.WriteString("parameter_size", "1B");
        writer.WriteString("quantization_level", "Q4_0");
        writer.WriteEndObject();
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm.Ollama;

/// <summary>Ollama's wire protocol: its endpoints, its status codes and bodies.</summary>
internal sealed class OllamaProtocol(FakeOllamaOptions options) : IFakeLlmProtocol
{
    public string BasePath => "";

    public IReadOnlyList<string> GenerationPaths { get; } = [FakeOllamaPaths.Generate, FakeOllamaPaths.Chat];

    public IReadOnlyList<FakeInfoEndpoint> InfoEndpoints =>
    [
        new("GET", FakeOllamaPaths.Tags, (_, _) => Json(200, Tags())),
        new("POST", FakeOllamaPaths.Show, Show),
        new("GET", FakeOllamaPaths.Version, (_, _) => Json(200, OllamaReplies.Object(writer => writer.WriteString("version", options.Version)))),
        new("GET", "/", (_, _) => new FakeResponse(200, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes("Ollama is running"))),
    ];

    public string JsonContentType => "application/json; charset=utf-8";

    public string StreamContentType => "application/x-ndjson";

    public FakeRequest Describe(FakeRequest request, JsonObject? body) => request with
    {
        Options = body?["options"] is JsonObject sent ? (JsonObject)sent.DeepClone() : null,
        Stream = Flag(body?["stream"]),
        Raw = Flag(body?["raw"]),
    };

    public FakeResponse? Refuse(FakeRequest request, JsonObject? body) =>
        string.IsNullOrWhiteSpace(request.Model) ? Json(400, OllamaReplies.Error("model is required"))
        : !IsKnown(request.Model) ? Json(404, OllamaReplies.Error($"model '{request.Model}' not found"))
        : null;

    public byte[] InvalidBody(string problem) => OllamaReplies.Error(problem);

    public byte[] ErrorBody(FakeFaultKind kind) =>
        OllamaReplies.Error(kind == FakeFaultKind.TooManyRequests ? "server busy, please try again" : "the fake server failed on purpose");

    public IReadOnlyList<byte[]> ReplyFrames(FakeRequest request, string reply, int wordsPerChunk)
    {
        var stops = request.Options?["stop"] is JsonArray array ? array.Select(s => s?.GetValue<string>()) : [];
        var (text, hitLimit) = FakeReplyText.Shape(reply, stops, request.OptionNumber("num_predict"));
        return OllamaReplies.Frames(request, text, hitLimit, wordsPerChunk);
    }

    public byte[] MalformedFrame(FakeRequest request)
    {
        var broken = Encoding.UTF8.GetBytes("{\"model\": \"" + request.Model + "\", \"response\": <not json>}");
        return request.Streams ? OllamaReplies.Line(broken) : broken;
    }

    private byte[] Tags() => OllamaReplies.Object(writer =>
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

    private FakeResponse Show(FakeRequest request, JsonObject? body)
    {
        var model = request.Model ?? body?["name"]?.GetValue<string>();
        if (!IsKnown(model))
        {
            return Json(404, OllamaReplies.Error($"model '{model}' not found"));
        }

        return Json(200, OllamaReplies.Object(writer =>
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
        }));
    }

    private FakeResponse Json(int status, byte[] body) => new(status, JsonContentType, body);

    private bool IsKnown(string? model) =>
        model is not null && options.Models.Any(known => string.Equals(Tagged(known), Tagged(model), StringComparison.Ordinal));

    private static string Tagged(string model) => model.Contains(':', StringComparison.Ordinal) ? model : model + ":latest";

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

using System.Text;
using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm.OpenAi;

/// <summary>The OpenAI-compatible wire protocol: its endpoints, its key check, its status codes and error bodies.</summary>
internal sealed class OpenAiProtocol(FakeOpenAiOptions options) : IFakeLlmProtocol
{
    public string BasePath => "v1";

    public IReadOnlyList<string> GenerationPaths { get; } = [FakeOpenAiPaths.Completions, FakeOpenAiPaths.Chat];

    public IReadOnlyList<FakeInfoEndpoint> InfoEndpoints => [new("GET", FakeOpenAiPaths.Models, (request, _) => Models(request))];

    public string JsonContentType => "application/json";

    public string StreamContentType => "text/event-stream";

    public FakeRequest Describe(FakeRequest request, JsonObject? body) => request with
    {
        // The sampling options of this API sit at the top level of the body.
        Options = body is null ? null : (JsonObject)body.DeepClone(),
        // Unlike Ollama, OpenAI answers with one object unless asked to stream.
        Stream = body?["stream"] is JsonValue value && value.TryGetValue<bool>(out var stream) && stream,
    };

    public FakeResponse? Refuse(FakeRequest request, JsonObject? body)
    {
        if (!Authorized(request))
        {
            // Like some servers do, quote the key that was sent: the client must never pass it on.
            var sent = request.Authorization?.Replace("Bearer ", "", StringComparison.Ordinal) ?? "";
            return Json(401, OpenAiReplies.Error($"Incorrect API key provided: {sent}.", "invalid_request_error", "invalid_api_key"));
        }

        return body is null || !options.Models.Contains(request.Model ?? "")
            ? Json(404, OpenAiReplies.Error($"The model `{request.Model}` does not exist or you do not have access to it.", "invalid_request_error", "model_not_found"))
            : null;
    }

    public byte[] InvalidBody(string problem) => OpenAiReplies.Error(problem, "invalid_request_error", null);

    public byte[] ErrorBody(FakeFaultKind kind) => kind == FakeFaultKind.TooManyRequests
        ? OpenAiReplies.Error("Rate limit reached. Please try again later.", "requests", "rate_limit_exceeded")
        : OpenAiReplies.Error("The server had an error while processing your request.", "server_error", null);

    public IReadOnlyList<byte[]> ReplyFrames(FakeRequest request, string reply, int wordsPerChunk)
    {
        var body = request.Options!;
        IEnumerable<string?> stops = body["stop"] switch
        {
            JsonArray array => array.Select(s => s?.GetValue<string>()),
            JsonValue single => [single.GetValue<string>()],
            _ => [],
        };
        var (text, hitLimit) = FakeReplyText.Shape(reply, stops, (body["max_tokens"] ?? body["max_completion_tokens"])?.GetValue<int>());
        return OpenAiReplies.Frames(request, text, hitLimit, wordsPerChunk);
    }

    public byte[] MalformedFrame(FakeRequest request)
    {
        const string broken = "{\"id\": \"fake\", \"choices\": <not json>}";
        return Encoding.UTF8.GetBytes(request.Streams ? $"data: {broken}\n\n" : broken);
    }

    private FakeResponse Models(FakeRequest request)
    {
        if (!Authorized(request))
        {
            return Json(401, OpenAiReplies.Error("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"));
        }

        var data = new JsonArray([.. options.Models.Select(m => new JsonObject { ["id"] = m, ["object"] = "model", ["owned_by"] = "fake" })]);
        return Json(200, Encoding.UTF8.GetBytes(new JsonObject { ["object"] = "list", ["data"] = data }.ToJsonString()));
    }

    private bool Authorized(FakeRequest request) =>
        options.ApiKey is null || string.Equals(request.Authorization, "Bearer " + options.ApiKey, StringComparison.Ordinal);

    private FakeResponse Json(int status, byte[] body) => new(status, JsonContentType, body);
}

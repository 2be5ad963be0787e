using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// One wire protocol of a model server, as a module of <see cref="FakeLlmServer"/>: its paths, what it reads from a
/// request, when it refuses one, and how its replies and error bodies look. The host does everything else the same
/// way for every protocol: listening, the request log, latency, the fault plan and how each fault is written.
/// </summary>
public interface IFakeLlmProtocol
{
    /// <summary>The path below the server's root that clients take as their base URL: <c>""</c>, or <c>"v1"</c>.</summary>
    string BasePath { get; }

    /// <summary>The POST endpoints that generate text; latency and faults apply to these alone.</summary>
    IReadOnlyList<string> GenerationPaths { get; }

    /// <summary>The endpoints that answer at once.</summary>
    IReadOnlyList<FakeInfoEndpoint> InfoEndpoints { get; }

    /// <summary>The content type of a JSON body (a whole reply, or an error).</summary>
    string JsonContentType { get; }

    /// <summary>The content type of a streamed reply.</summary>
    string StreamContentType { get; }

    /// <summary>The request with what this protocol adds to the common fields: its options, stream flag and the like.</summary>
    FakeRequest Describe(FakeRequest request, JsonObject? body);

    /// <summary>The refusal of a generation request before any work (no key, no such model), or null to go on.</summary>
    FakeResponse? Refuse(FakeRequest request, JsonObject? body);

    /// <summary>The error body of a request whose body is not JSON.</summary>
    byte[] InvalidBody(string problem);

    /// <summary>The error body of a <see cref="FakeFaultKind.ServerError"/> or <see cref="FakeFaultKind.TooManyRequests"/>.</summary>
    byte[] ErrorBody(FakeFaultKind kind);

    /// <summary>
    /// The reply to <paramref name="request"/> whose text is <paramref name="reply"/> (cut as the request's stop strings and
    /// token limit say), as the frames written one after another: one frame for a whole reply, one per chunk of
    /// <paramref name="wordsPerChunk"/> pieces and the closing ones when streaming, each with its own separator.
    /// </summary>
    IReadOnlyList<byte[]> ReplyFrames(FakeRequest request, string reply, int wordsPerChunk);

    /// <summary>A frame that is not valid JSON, in place of the frame a <see cref="FakeFaultKind.MalformedJson"/> breaks.</summary>
    byte[] MalformedFrame(FakeRequest request);
}

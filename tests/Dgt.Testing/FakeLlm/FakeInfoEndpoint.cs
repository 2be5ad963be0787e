using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// An endpoint that answers at once without generating (a model list, a version): no latency, no faults. The host
/// records the request and hands it over with its JSON body (null when it had none).
/// </summary>
public sealed record FakeInfoEndpoint(string Method, string Path, Func<FakeRequest, JsonObject?, FakeResponse> Answer);

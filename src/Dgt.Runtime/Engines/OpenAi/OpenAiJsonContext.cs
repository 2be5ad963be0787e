using System.Text.Json.Serialization;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>Compile-time JSON contracts of the completion endpoint, in the API's snake_case, unset fields left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CompletionRequest))]
[JsonSerializable(typeof(CompletionResponse))]
internal sealed partial class OpenAiJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using OllamaSharp.Models;
using OllamaSharp.Models.Chat;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// Compile-time JSON contracts for the OllamaSharp types the engine sends and receives. Without a context of its own
/// OllamaSharp falls back to reflection-based serialization, which a Native AOT program refuses at run time.
/// </summary>
[JsonSerializable(typeof(GenerateRequest))]
[JsonSerializable(typeof(GenerateResponseStream))]
[JsonSerializable(typeof(GenerateDoneResponseStream))]
[JsonSerializable(typeof(ChatRequest))]
[JsonSerializable(typeof(ChatResponseStream))]
[JsonSerializable(typeof(ChatDoneResponseStream))]
internal sealed partial class OllamaJsonContext : JsonSerializerContext;

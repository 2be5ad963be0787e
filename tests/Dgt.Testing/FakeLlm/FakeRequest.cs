using System.Text.Json.Nodes;

namespace Dgt.Testing.FakeLlm;

/// <summary>One request as the fake server received it.</summary>
public sealed record FakeRequest
{
    /// <summary>1-based arrival order across every endpoint.</summary>
    public required int Number { get; init; }

    /// <summary>The path, for example <c>/api/generate</c> or <c>/v1/chat/completions</c>.</summary>
    public required string Path { get; init; }

    /// <summary>When it arrived.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>The <c>model</c> field.</summary>
    public string? Model { get; init; }

    /// <summary>The <c>prompt</c> of a completion request.</summary>
    public string? Prompt { get; init; }

    /// <summary>The <c>messages</c> of a chat request.</summary>
    public IReadOnlyList<FakeMessage>? Messages { get; init; }

    /// <summary>
    /// The sampling options exactly as sent, as the protocol carries them (Ollama's <c>options</c> object, the whole body
    /// of an OpenAI-compatible request), or null when absent.
    /// </summary>
    public JsonObject? Options { get; init; }

    /// <summary>The <c>stream</c> flag, or null when absent and the protocol has no default (Ollama then streams).</summary>
    public bool? Stream { get; init; }

    /// <summary>The <c>raw</c> flag of Ollama's <c>/api/generate</c>.</summary>
    public bool? Raw { get; init; }

    /// <summary>The <c>Authorization</c> header as sent, or null when absent.</summary>
    public string? Authorization { get; init; }

    /// <summary>The whole body as text.</summary>
    public string Body { get; init; } = "";

    /// <summary>The fault the plan chose for it, if any.</summary>
    public FakeFault? Fault { get; init; }

    /// <summary>Whether the server streams its reply (the flag, defaulting to true as Ollama does).</summary>
    public bool Streams => Stream ?? true;

    /// <summary>An option's value as a double, or null when not sent.</summary>
    public double? OptionNumber(string name) => Options?[name]?.GetValue<double>();
}

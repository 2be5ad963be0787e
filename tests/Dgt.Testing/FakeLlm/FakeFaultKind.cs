namespace Dgt.Testing.FakeLlm;

/// <summary>The ways the fake server can misbehave on one request.</summary>
public enum FakeFaultKind
{
    /// <summary>An error status (500 unless the fault says otherwise) with the protocol's JSON error body.</summary>
    ServerError,

    /// <summary>429 Too Many Requests with a <c>Retry-After</c> header.</summary>
    TooManyRequests,

    /// <summary>The connection is aborted before any response.</summary>
    Reset,

    /// <summary>Part of the body is sent, then the connection is aborted.</summary>
    ResetMidBody,

    /// <summary>The body stops halfway through a JSON object and the response ends cleanly.</summary>
    TruncatedBody,

    /// <summary>A complete response whose body is not valid JSON.</summary>
    MalformedJson,

    /// <summary>No response at all for the server's stall duration (longer than any client timeout in a test).</summary>
    Stall,

    /// <summary>Headers and the first part of the body arrive, then nothing for the stall duration.</summary>
    StallMidBody,

    /// <summary>A well-formed reply whose text is not a "Question: …\nAnswer: …" pair.</summary>
    MalformedReply,

    /// <summary>A valid reply that never ends soon: a stream of token frames, or one text, that runs to the fault's size.</summary>
    OversizedReply,
}

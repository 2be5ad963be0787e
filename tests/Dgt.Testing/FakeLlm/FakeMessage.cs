namespace Dgt.Testing.FakeLlm;

/// <summary>One chat message as the fake server received it.</summary>
public sealed record FakeMessage(string Role, string Content);

namespace Dgt.Runtime.Tests.Support;

/// <summary>
/// An LLM engine whose replies come from a function of the request number: the loop's rules are tested with it
/// (the real engines are tested over HTTP against fake servers).
/// </summary>
public sealed class ScriptedEngine(string name, Func<int, string, string?> reply) : LMProvider(name, "scripted-model", 4, new GenerationOptions())
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    protected override async Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken)
    {
        // Like a real call, the reply arrives later, on another thread.
        await Task.Yield();
        var number = Interlocked.Increment(ref _calls);
        var text = reply(number, call.Prompt ?? "");
        return text is null ? LmReply.Failed("scripted failure", 1) : LmReply.Success(text, new TokenUsage(10, 5));
    }
}

public sealed record ScriptedEngineOptions
{
    public required string ModelIdOrPath { get; init; }
}

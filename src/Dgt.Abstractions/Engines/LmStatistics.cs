namespace Dgt;

/// <summary>Running totals of one engine, safe to update from concurrent requests.</summary>
public sealed class LmStatistics
{
    private long _requests;
    private long _failures;
    private long _httpAttempts;
    private long _promptTokens;
    private long _completionTokens;

    /// <summary>Requests finished (succeeded or failed).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Requests that failed after their retries.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>HTTP attempts made, retries included.</summary>
    public long HttpAttempts => Interlocked.Read(ref _httpAttempts);

    /// <summary>Prompt tokens reported by the server.</summary>
    public long PromptTokens => Interlocked.Read(ref _promptTokens);

    /// <summary>Completion tokens reported by the server.</summary>
    public long CompletionTokens => Interlocked.Read(ref _completionTokens);

    /// <summary>Adds one finished request.</summary>
    public void Record(LmReply reply)
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Add(ref _httpAttempts, reply.Attempts);
        if (reply.Failure is not null)
        {
            Interlocked.Increment(ref _failures);
        }

        Interlocked.Add(ref _promptTokens, reply.Usage.PromptTokens);
        Interlocked.Add(ref _completionTokens, reply.Usage.CompletionTokens);
    }
}

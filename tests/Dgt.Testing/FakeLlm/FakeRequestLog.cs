using System.Collections.Concurrent;

namespace Dgt.Testing.FakeLlm;

/// <summary>What a fake server saw, whatever protocol it spoke; safe to update from concurrent requests.</summary>
public sealed class FakeRequestLog
{
    private readonly HashSet<string> _generationPaths;
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private readonly ConcurrentDictionary<int, int> _statusCounts = new();
    private int _inFlight;
    private int _peakInFlight;
    private long _oversizedBytesSent;
    private int _resets;
    private int _received;

    internal FakeRequestLog(IEnumerable<string> generationPaths) => _generationPaths = new(generationPaths, StringComparer.Ordinal);

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<FakeRequest> Requests => [.. _requests.OrderBy(r => r.Number)];

    /// <summary>The generation requests (for example <c>/api/generate</c>, <c>/v1/chat/completions</c>), in arrival order.</summary>
    public IReadOnlyList<FakeRequest> GenerationRequests => [.. Requests.Where(r => _generationPaths.Contains(r.Path))];

    /// <summary>The most generation requests that were in progress at once.</summary>
    public int PeakConcurrency => Volatile.Read(ref _peakInFlight);

    /// <summary>Generation requests in progress now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Connections aborted on purpose (reset faults).</summary>
    public int Resets => Volatile.Read(ref _resets);

    /// <summary>How many responses had this status.</summary>
    public int CountOf(int status) => _statusCounts.GetValueOrDefault(status);

    /// <summary>Responses per status.</summary>
    public IReadOnlyDictionary<int, int> StatusCounts => new Dictionary<int, int>(_statusCounts);

    /// <summary>Forgets the peak, so a later phase of a test can measure its own.</summary>
    public void ResetPeak() => Volatile.Write(ref _peakInFlight, Volatile.Read(ref _inFlight));

    internal bool IsGeneration(string path) => _generationPaths.Contains(path);

    internal int NextNumber() => Interlocked.Increment(ref _received);

    internal void Add(FakeRequest request) => _requests.Enqueue(request);

    internal void Entered()
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); now > peak; peak = Volatile.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, now, peak) == peak)
            {
                break;
            }
        }
    }

    internal void Left() => Interlocked.Decrement(ref _inFlight);

    internal void Responded(int status) => _statusCounts.AddOrUpdate(status, 1, (_, count) => count + 1);

    internal void Reset() => Interlocked.Increment(ref _resets);

    /// <summary>Bytes the server managed to send of its oversized replies (the client stops reading them).</summary>
    public long OversizedBytesSent => Interlocked.Read(ref _oversizedBytesSent);

    internal void SentOversized(long bytes) => Interlocked.Add(ref _oversizedBytesSent, bytes);
}

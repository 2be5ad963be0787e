namespace Dgt.Runtime.Run;

/// <summary>
/// Stops a run whose every request keeps failing: when every request of as many attempts in a row as the tasks'
/// stall limit failed after its retries, the endpoint or the block's options are wrong, and more attempts would only
/// repeat the failure.
/// </summary>
public sealed class AllRequestsFailedWatch(IReadOnlyList<LMProvider> engines)
{
    private int _attemptsAllFailed;
    private long _requestsAllFailed;

    /// <summary>
    /// Takes one recorded attempt into account; throws <see cref="AllRequestsFailedException"/> once
    /// <paramref name="limit"/> attempts in a row failed every request. An attempt that sent nothing leaves the count.
    /// </summary>
    public void Observe(long requests, long failures, int limit)
    {
        if (requests == 0 || failures < requests)
        {
            _attemptsAllFailed = 0;
            _requestsAllFailed = 0;
            return;
        }

        _attemptsAllFailed++;
        _requestsAllFailed += requests;
        if (_attemptsAllFailed >= limit)
        {
            var reason = engines.Select(e => e.Statistics.LastFailure).LastOrDefault(f => f is not null) ?? "unknown";
            throw new AllRequestsFailedException(
                $"All {_requestsAllFailed} requests of the last {_attemptsAllFailed} attempts failed after their retries; the last failure: {reason} " +
                "Check the server and the block's options (model_id_or_path, base_url, timeout); the rows produced so far are on disk.");
        }
    }
}

namespace Dgt;

/// <summary>
/// An LLM engine block. Builders hand it a batch of requests; it sends them concurrently (at most
/// <see cref="CallLimit"/> at once), and returns one result per request, in request order, each carrying the caller's
/// reference. Concrete engines (<c>type: ollama</c>, …) implement <see cref="SendAsync"/>, retries included.
/// </summary>
public abstract class LMProvider : IBlock
{
    private readonly ILmCallGate _gate;
    private LmPermanentException? _permanentFailure;

    /// <summary>Creates the engine with a gate of its own that lets <paramref name="callLimit"/> calls run at once.</summary>
    protected LMProvider(string name, string modelId, int callLimit, GenerationOptions defaults)
        : this(name, modelId, callLimit, defaults, new FixedCallGate(ValidLimit(callLimit)))
    {
    }

    /// <summary>
    /// Creates the engine with the gate its calls pass through (for example one shared by every block using the same
    /// endpoint); <paramref name="callLimit"/> is then the most that gate should ever admit.
    /// </summary>
    protected LMProvider(string name, string modelId, int callLimit, GenerationOptions defaults, ILmCallGate gate)
    {
        ArgumentNullException.ThrowIfNull(gate);
        Name = name;
        ModelId = modelId;
        CallLimit = ValidLimit(callLimit);
        Defaults = defaults;
        _gate = gate;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The model every request of this block goes to.</summary>
    public string ModelId { get; }

    /// <summary>The most requests in flight at once (the ceiling, when the gate adapts its limit).</summary>
    public int CallLimit { get; }

    /// <summary>The options from the block's YAML, under every request's overrides.</summary>
    public GenerationOptions Defaults { get; }

    /// <summary>Totals of every request this engine finished.</summary>
    public LmStatistics Statistics { get; } = new();

    /// <summary>
    /// Sends every request and returns the results in request order. A request that fails after its retries yields a
    /// result whose <see cref="LmResult{TReference}.Failure"/> says why; an <see cref="LmPermanentException"/> ends the
    /// whole call.
    /// </summary>
    public async Task<IReadOnlyList<LmResult<TReference>>> RunAsync<TReference>(
        IEnumerable<LmRequest<TReference>> requests, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        using var failFast = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = requests.Select(request => RunOneAsync(request, failFast)).ToArray();
        try
        {
            return await Task.WhenAll(pending).ConfigureAwait(false);
        }
        catch (LmPermanentException)
        {
            await failFast.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Sends one call to the server, retrying transient failures; throws only for permanent ones.</summary>
    protected abstract Task<LmReply> SendAsync(LmCall call, CancellationToken cancellationToken);

    private async Task<LmResult<TReference>> RunOneAsync<TReference>(
        LmRequest<TReference> request, CancellationTokenSource failFast)
    {
        var options = Defaults.With(request.Overrides);
        var choices = options.N ?? 1;
        if (choices <= 1)
        {
            return new LmResult<TReference>(request.Reference, await CallAsync(Call(request, options, choice: 0), failFast).ConfigureAwait(false));
        }

        // Each choice is a call of its own, admitted and retried on its own: replies arrive as the endpoint allows.
        var replies = await Task.WhenAll(Enumerable.Range(0, choices)
            .Select(choice => CallAsync(Call(request, options, choice), failFast))).ConfigureAwait(false);
        return new LmResult<TReference>(request.Reference, LmReply.OfChoices(replies));
    }

    private static LmCall Call<TReference>(LmRequest<TReference> request, GenerationOptions options, int choice) => new()
    {
        Method = request.Method,
        Prompt = request.Prompt,
        Messages = request.Messages,
        // The engine makes one reply per call; a seeded choice gets a seed of its own so the choices differ.
        Options = options with { N = null, Seed = options.Seed is { } seed ? unchecked(seed + choice) : null },
        Choice = choice,
    };

    private async Task<LmReply> CallAsync(LmCall call, CancellationTokenSource failFast)
    {
        using var lease = await _gate.EnterAsync(failFast.Token).ConfigureAwait(false);
        try
        {
            // After a permanent failure nothing more is sent, from this batch or any other still waiting.
            if (Volatile.Read(ref _permanentFailure) is { } permanent)
            {
                throw permanent;
            }

            LmReply reply;
            Statistics.CallStarted();
            try
            {
                reply = await SendAsync(call, failFast.Token).ConfigureAwait(false);
            }
            finally
            {
                Statistics.CallEnded();
            }

            Statistics.Record(reply);
            LmCallTally.Current?.Record(reply);
            return reply;
        }
        catch (LmPermanentException exception)
        {
            // Stop every other request of the batch at once: the run is over.
            Interlocked.CompareExchange(ref _permanentFailure, exception, null);
            await failFast.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static int ValidLimit(int callLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callLimit, 1);
        return callLimit;
    }
}

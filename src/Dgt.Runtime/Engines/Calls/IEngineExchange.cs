namespace Dgt.Runtime.Engines.Calls;

/// <summary>What an HTTP engine does itself; everything around it (cache, flow control, retries) is the <see cref="EngineCallRunner{TRequest}"/>'s.</summary>
internal interface IEngineExchange<TRequest>
{
    /// <summary>
    /// The request for <paramref name="call"/>, built once before any attempt: a call that cannot be sent (a completion
    /// without a prompt) is the caller's bug and throws here, outside the retries.
    /// </summary>
    TRequest Prepare(LmCall call);

    /// <summary>One HTTP attempt: sends the request and reads the whole reply.</summary>
    Task<EngineAnswer> SendAsync(TRequest request, CancellationToken cancellationToken);

    /// <summary>What a failed attempt means.</summary>
    EngineFailure Classify(Exception exception, bool hasReachedServer);
}

using System.Globalization;

namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// An engine's words for failures. Each permanent one names the address tried, the model and the fix; the messages are
/// built from the classification only, never from a response body, which could echo a credential. Every engine says
/// the same of a timeout; each says in its own words what its users should fix for a permanent failure.
/// </summary>
internal abstract class EngineFailureMessages(string url, string model, string blockName)
{
    /// <summary>The address as messages show it.</summary>
    protected string Url { get; } = url;

    /// <summary>The model the calls go to.</summary>
    protected string Model { get; } = model;

    /// <summary>The block whose settings the fix changes.</summary>
    protected string BlockName { get; } = blockName;

    /// <summary>The message that stops the run.</summary>
    public string Permanent(EngineFailure failure) => failure.Kind switch
    {
        EngineFailureKind.Unreachable => Unreachable(failure.Reason),
        EngineFailureKind.ModelNotFound => ModelNotFound(),
        EngineFailureKind.WrongServer => WrongServer(),
        EngineFailureKind.Unauthorized => Unauthorized(failure.Reason),
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure.Kind, "Not a permanent failure."),
    };

    /// <summary>Why an attempt that ran out of time failed.</summary>
    public string TimedOut(TimeSpan timeout) =>
        string.Create(CultureInfo.InvariantCulture, $"no complete reply from {Url} within {timeout.TotalSeconds:0.###} s");

    /// <summary>No server answered at the address before any call there succeeded.</summary>
    protected abstract string Unreachable(string reason);

    /// <summary>The server does not have the model.</summary>
    protected abstract string ModelNotFound();

    /// <summary>The address answers 404 to the engine's API.</summary>
    protected abstract string WrongServer();

    /// <summary>The server, or a proxy in front of it, refused the request (401 or 403).</summary>
    protected abstract string Unauthorized(string reason);

    /// <summary>
    /// Whether a server's error text blames the model: it mentions a model and says it is missing in one of the
    /// <paramref name="missing"/> wordings (which differ by server).
    /// </summary>
    protected static bool SaysModelIsMissing(string? serverError, params ReadOnlySpan<string> missing)
    {
        if (serverError is null || !serverError.Contains("model", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var wording in missing)
        {
            if (serverError.Contains(wording, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

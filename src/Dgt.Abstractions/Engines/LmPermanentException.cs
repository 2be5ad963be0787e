namespace Dgt;

/// <summary>
/// A failure that no retry can mend (server unreachable at the first call, unknown model, rejected key). It stops the
/// run before any more requests are sent. The message names the URL, the model and the fix, never a secret.
/// </summary>
public sealed class LmPermanentException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LmPermanentException(string message, Exception? inner = null) : base(message, inner)
    {
    }

    /// <summary>The block option the failure is about (<c>base_url</c>, <c>lm_cache</c>), so it can be shown where it is set.</summary>
    public string? ConfigKey { get; init; }
}

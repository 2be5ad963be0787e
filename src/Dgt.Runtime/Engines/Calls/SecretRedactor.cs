namespace Dgt.Runtime.Engines.Calls;

/// <summary>
/// The last guard that keeps a credential out of failure texts and exceptions, should a server or a library ever quote
/// it back: messages are built from classifications, but a server's error text is passed on for rejected requests.
/// </summary>
internal sealed class SecretRedactor(string? secret)
{
    private const string Mask = "***";

    public string Redact(string text) =>
        string.IsNullOrEmpty(secret) ? text : text.Replace(secret, Mask, StringComparison.Ordinal);

    /// <summary><paramref name="exception"/>, or null when any message along its chain of causes holds the secret.</summary>
    public Exception? Clean(Exception? exception)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return exception;
        }

        for (var cause = exception; cause is not null; cause = cause.InnerException)
        {
            if (cause.Message.Contains(secret, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return exception;
    }
}

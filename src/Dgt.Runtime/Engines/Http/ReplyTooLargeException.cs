namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// A reply grew past its block's <c>max_reply_bytes</c>: reading stopped there, so a runaway server costs neither memory
/// nor time. An <see cref="IOException"/>, so the client libraries pass it on as a failed read.
/// </summary>
internal sealed class ReplyTooLargeException(long limit) : IOException(
    $"the reply was larger than {limit} bytes, the block's max_reply_bytes (by default 64 KiB plus 1 KiB per max_tokens token); " +
    "it was abandoned unread past that point. Raise max_reply_bytes if this server's replies really are this large")
{
    /// <summary>The limit it passed.</summary>
    public long Limit { get; } = limit;
}

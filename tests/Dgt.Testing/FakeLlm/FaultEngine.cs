using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// Answers a generation request after its latency, misbehaving as its planned fault says: an error status or a 429
/// (with <c>Retry-After</c> in seconds or as a date), a reset connection, a stall, or a reply whose body is cut, reset,
/// stalled or broken halfway (in the second frame of a stream, or halfway through a single object). Only the bodies
/// and the framing are the protocol's.
/// </summary>
internal sealed class FaultEngine(IFakeLlmProtocol protocol, FakeServerOptions options, FakeRequestLog log)
{
    private const string MalformedReplyText = "I'm sorry, but I can't come up with another pair right now.";

    public async Task RespondAsync(HttpContext context, FakeRequest request, InFlightMark inFlight, CancellationToken token)
    {
        var latency = options.LatencyOf(request.Number);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, token);
        }

        var fault = request.Fault;
        switch (fault?.Kind)
        {
            case FakeFaultKind.ServerError:
                SetRetryAfter(context, fault);
                await new FakeResponse(fault.Status, protocol.JsonContentType, protocol.ErrorBody(fault.Kind)).WriteAsync(context, log, inFlight);
                return;
            case FakeFaultKind.TooManyRequests:
                SetRetryAfter(context, fault);
                await new FakeResponse(429, protocol.JsonContentType, protocol.ErrorBody(fault.Kind)).WriteAsync(context, log, inFlight);
                return;
            case FakeFaultKind.Reset:
                log.Reset();
                inFlight.Leave();
                context.Abort();
                return;
            case FakeFaultKind.Stall:
                await Task.Delay(options.StallDuration, token);
                break;
            case FakeFaultKind.OversizedReply:
                await WriteOversizedAsync(context, request, fault.Bytes, inFlight, token);
                return;
        }

        var reply = fault?.Kind == FakeFaultKind.MalformedReply ? MalformedReplyText : options.Responder(request);
        var frames = protocol.ReplyFrames(request, reply, Math.Max(1, options.WordsPerChunk));
        await WriteFramesAsync(context, request, frames, inFlight, token);
    }

    private async Task WriteFramesAsync(HttpContext context, FakeRequest request, IReadOnlyList<byte[]> frames, InFlightMark inFlight, CancellationToken token)
    {
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = request.Streams ? protocol.StreamContentType : protocol.JsonContentType;
        log.Responded(200);
        var fault = request.Fault?.Kind;
        if (fault == FakeFaultKind.ResetMidBody && !request.Streams)
        {
            // A declared length the body never reaches: the client sees the connection end inside the body.
            response.ContentLength = frames[0].Length;
        }

        var strikeAt = request.Streams ? Math.Min(1, frames.Count - 1) : 0;
        for (var i = 0; i < frames.Count; i++)
        {
            var frame = frames[i];
            if (i == strikeAt && fault is FakeFaultKind.TruncatedBody or FakeFaultKind.ResetMidBody or FakeFaultKind.StallMidBody)
            {
                var half = frame.Length / 2;
                await response.Body.WriteAsync(frame.AsMemory(0, half), token);
                await response.Body.FlushAsync(token);
                switch (fault)
                {
                    case FakeFaultKind.TruncatedBody:
                        inFlight.Leave();
                        return;
                    case FakeFaultKind.ResetMidBody:
                        log.Reset();
                        inFlight.Leave();
                        context.Abort();
                        return;
                }

                await Task.Delay(options.StallDuration, token);
                if (i == frames.Count - 1)
                {
                    inFlight.Leave();
                }

                await response.Body.WriteAsync(frame.AsMemory(half), token);
            }
            else if (i == strikeAt && fault == FakeFaultKind.MalformedJson)
            {
                inFlight.Leave();
                await response.Body.WriteAsync(protocol.MalformedFrame(request), token);
                return;
            }
            else
            {
                if (i == frames.Count - 1)
                {
                    inFlight.Leave();
                }

                await response.Body.WriteAsync(frame, token);
            }

            if (request.Streams)
            {
                await response.Body.FlushAsync(token);
            }
        }
    }

    private static void SetRetryAfter(HttpContext context, FakeFault fault)
    {
        if (fault.RetryAfter is not { } wait)
        {
            return;
        }

        context.Response.Headers.RetryAfter = fault.RetryAfterAsDate
            ? (DateTimeOffset.UtcNow + wait).ToString("r", CultureInfo.InvariantCulture)
            : Math.Ceiling(wait.TotalSeconds).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A reply that stays valid as it grows: in a stream, the same token frame again and again; whole, one object whose
    /// text is a run of letters. The client should stop reading long before the end.
    /// </summary>
    private async Task WriteOversizedAsync(HttpContext context, FakeRequest request, long size, InFlightMark inFlight, CancellationToken token)
    {
        const string Marker = "OVERSIZEDREPLYTEXT";
        var response = context.Response;
        response.StatusCode = 200;
        response.ContentType = request.Streams ? protocol.StreamContentType : protocol.JsonContentType;
        log.Responded(200);
        byte[] head, filler, tail;
        if (request.Streams)
        {
            var frames = protocol.ReplyFrames(request, "Question: a b c d\nAnswer: e f g h", wordsPerChunk: 1);
            // Token frames in 64 KiB runs, written like the whole reply's chunks.
            var run = Enumerable.Repeat(frames[1], Math.Max(1, 64 * 1024 / frames[1].Length)).SelectMany(frame => frame).ToArray();
            (head, filler, tail) = (frames[0], run, frames[^1]);
        }
        else
        {
            var frame = protocol.ReplyFrames(request, Marker, wordsPerChunk: int.MaxValue)[0];
            var at = frame.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(Marker));
            (head, filler, tail) = (frame[..at], System.Text.Encoding.UTF8.GetBytes(new string('x', 64 * 1024)), frame[(at + Marker.Length)..]);
        }

        await response.Body.WriteAsync(head, token);
        log.SentOversized(head.Length);
        for (long sent = head.Length; sent < size; sent += filler.Length)
        {
            // Flushed chunk by chunk, so the connection's back-pressure holds the writer while the client reads. Once the
            // client has closed the connection, writes complete at once and send nothing, and the server marks the
            // request aborted from the thread pool: a pause between chunks lets that happen before much is counted.
            await response.Body.WriteAsync(filler, token);
            await response.Body.FlushAsync(token);
            await Task.Delay(1, token);
            if (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }

            log.SentOversized(filler.Length);
        }

        inFlight.Leave();
        await response.Body.WriteAsync(tail, token);
    }
}

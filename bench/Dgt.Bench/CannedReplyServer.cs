using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dgt.Bench;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that answers every request to a known path with a reply rendered once, after
/// a fixed latency. It exists for the engine benchmark: the test servers parse each request into JSON, log it and
/// render the reply afresh, and that work, in the same process, would be counted as the engine's CPU and would delay
/// the engine's replies. Here the server's own work is a header scan, so the figures measure the client side.
/// Keep-alive connections, <c>Content-Length</c> and chunked request bodies; nothing else of HTTP is needed.
/// </summary>
internal sealed class CannedReplyServer : IAsyncDisposable
{
    private static readonly byte[] StreamFlag = "\"stream\":true"u8.ToArray();

    private readonly Socket _listener;
    private readonly TimeSpan _latency;
    private readonly IReadOnlyDictionary<(string Path, bool Stream), byte[]> _replies;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _connections = [];
    private readonly Task _accepting;
    private int _inFlight;
    private int _peakInFlight;
    private long _served;
    private long _heldTicks;

    private CannedReplyServer(TimeSpan latency, IReadOnlyDictionary<(string Path, bool Stream), byte[]> replies)
    {
        _latency = latency;
        _replies = replies;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(512);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The most requests that were waiting out their latency at once.</summary>
    public int PeakInFlight => Volatile.Read(ref _peakInFlight);

    /// <summary>Requests answered with a canned reply.</summary>
    public long Served => Interlocked.Read(ref _served);

    /// <summary>How long a request was really held, on average: the timer's latency, a little over the one asked for.</summary>
    public double MeanHeldMilliseconds =>
        Served == 0 ? 0 : TimeSpan.FromTicks(Interlocked.Read(ref _heldTicks) / Served).TotalMilliseconds;

    /// <summary>
    /// Starts a server that answers a request to <c>Path</c> with the full HTTP response rendered for it,
    /// choosing the streaming one when the request body asks for <c>"stream":true</c>.
    /// </summary>
    public static CannedReplyServer Start(TimeSpan latency, IReadOnlyDictionary<(string Path, bool Stream), CannedReply> replies) =>
        new(latency, replies.ToDictionary(pair => pair.Key, pair => pair.Value.Render()));

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopping.
        }

        Task[] connections;
        lock (_connections)
        {
            connections = [.. _connections];
        }

        await Task.WhenAll(connections);
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            var socket = await _listener.AcceptAsync(_stopping.Token);
            socket.NoDelay = true;
            lock (_connections)
            {
                _connections.RemoveAll(task => task.IsCompleted);
                _connections.Add(ServeAsync(socket));
            }
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var reader = new HttpRequestReader(stream);
        try
        {
            while (await reader.ReadRequestAsync(_stopping.Token) is { } request)
            {
                var asksForStream = request.Body.AsSpan().IndexOf(StreamFlag) >= 0;
                if (!_replies.TryGetValue((request.Path, asksForStream), out var reply))
                {
                    await stream.WriteAsync(NotFound, _stopping.Token);
                    continue;
                }

                var inFlight = Interlocked.Increment(ref _inFlight);
                RaisePeak(inFlight);
                var held = System.Diagnostics.Stopwatch.StartNew();
                try
                {
                    await Task.Delay(_latency, _stopping.Token);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                }

                Interlocked.Add(ref _heldTicks, held.Elapsed.Ticks);

                await stream.WriteAsync(reply, _stopping.Token);
                Interlocked.Increment(ref _served);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
        {
            // The client closed the connection, sent something this server does not speak, or the server is stopping.
        }
    }

    private void RaisePeak(int inFlight)
    {
        var peak = Volatile.Read(ref _peakInFlight);
        while (inFlight > peak)
        {
            var seen = Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak);
            if (seen == peak)
            {
                return;
            }

            peak = seen;
        }
    }

    private static readonly byte[] NotFound = Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
}

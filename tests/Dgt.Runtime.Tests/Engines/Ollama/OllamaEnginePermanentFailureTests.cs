using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dgt.Runtime.Engines.Ollama;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class OllamaEnginePermanentFailureTests
{
    [Theory]
    [InlineData(LmMethod.Completion)]
    [InlineData(LmMethod.ChatCompletion)]
    public async Task No_server_listening_stops_the_run_at_once_naming_the_url_the_model_and_the_fix(LmMethod method)
    {
        var port = FreePort();
        using var engine = TestEngine.Create(new OllamaOptions { ModelIdOrPath = TestEngine.Model, BaseUrl = $"http://127.0.0.1:{port}" });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => engine.RunAsync(
            Enumerable.Range(0, 25).Select(i => TestEngine.Request(method, $"p{i}", i)), CancellationToken.None));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(
            $"No Ollama server answered at http://127.0.0.1:{port} (connection refused) for model 'mistral-small3.2'. " +
            "Start it with 'ollama serve', set OLLAMA_HOST, or set base_url on block 'generator'.",
            error.Message);
    }

    [Fact]
    public async Task A_host_that_never_accepts_the_connection_is_permanent_before_any_success()
    {
        // A listener whose accept queue is full drops new connection attempts, as a firewalled host does.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                try
                {
                    await filler.ConnectAsync(endpoint).WaitAsync(TimeSpan.FromMilliseconds(200));
                }
                catch (TimeoutException)
                {
                    break;
                }
            }

            using var engine = TestEngine.Create(new OllamaOptions { ModelIdOrPath = TestEngine.Model, BaseUrl = $"http://{endpoint}", Timeout = 1 });
            var clock = Stopwatch.StartNew();

            var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestEngine.RunOneAsync(engine));

            Assert.Contains($"at http://{endpoint} (connection timed out)", error.Message);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task An_unknown_host_is_permanent_too()
    {
        using var engine = TestEngine.Create(new OllamaOptions { ModelIdOrPath = TestEngine.Model, BaseUrl = "http://no-such-host.invalid:11434" });

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestEngine.RunOneAsync(engine));

        Assert.Contains("http://no-such-host.invalid:11434 (host not found)", error.Message);
    }

    [Fact]
    public async Task The_address_comes_from_OLLAMA_HOST_when_base_url_is_unset()
    {
        var port = FreePort();
        using var engine = TestEngine.Create(
            new OllamaOptions { ModelIdOrPath = TestEngine.Model },
            name => name == "OLLAMA_HOST" ? $"127.0.0.1:{port}" : null);

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestEngine.RunOneAsync(engine));

        Assert.Contains($"at http://127.0.0.1:{port} (connection refused)", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_unknown_model_stops_the_run_at_the_first_request(bool stream)
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { ModelIdOrPath = "granite4:3b", CallLimit = 1, Stream = stream });

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => engine.RunAsync(
            Enumerable.Range(0, 10).Select(i => TestEngine.Request(LmMethod.Completion, $"p{i}", i)), CancellationToken.None));

        Assert.Equal(
            $"The model 'granite4:3b' is not on the Ollama server at {server.BaseUrl.ToString().TrimEnd('/')}. " +
            "Pull it with 'ollama pull granite4:3b' or change model_id_or_path on block 'generator'.",
            error.Message);
        Assert.Single(server.Log.Requests);
        Assert.Equal(1, server.Log.CountOf(404));
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    public async Task A_refusal_of_our_credentials_is_permanent(int status)
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.ServerError(status)) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestEngine.RunOneAsync(engine));

        Assert.Contains($"refused the request for model 'mistral-small3.2' (HTTP {status}", error.Message);
        Assert.DoesNotContain("failed on purpose", error.Message);
        Assert.Single(server.Log.Requests);
    }

    [Fact]
    public async Task A_404_that_is_not_about_the_model_says_the_address_is_not_an_ollama_server()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Faults = FaultPlan.Always(FakeFault.ServerError(404)) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl));

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestEngine.RunOneAsync(engine));

        Assert.Contains("does not look like an Ollama server", error.Message);
    }

    [Fact]
    public async Task Once_the_server_was_reached_a_refused_connection_is_a_restart_worth_retrying()
    {
        var server = await FakeOllamaServer.StartAsync();
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { MaxRetries = 1 });
        Assert.True((await TestEngine.RunOneAsync(engine)).Succeeded);
        await server.DisposeAsync();

        var result = await TestEngine.RunOneAsync(engine);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.Reply.Attempts);
    }

    [Fact]
    public async Task Cancellation_propagates_and_is_not_a_failure()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = TimeSpan.FromSeconds(20) });
        using var engine = TestEngine.Create(TestEngine.Options(server.BaseUrl) with { Stream = true });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.RunAsync(
            [TestEngine.Request(LmMethod.Completion, "p", 1)], cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Equal(0, engine.Statistics.Failures);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using System.Net;
using System.Net.Sockets;
using Dgt.Runtime.Engines.OpenAi;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines.OpenAi;

public sealed class OpenAiEnginePermanentFailureTests
{
    private const string Key = "sk-live-0123456789abcdefSECRET";

    [Theory]
    [InlineData(LmMethod.Completion)]
    [InlineData(LmMethod.ChatCompletion)]
    public async Task A_refused_key_stops_the_run_at_the_first_request_without_quoting_the_key(LmMethod method)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { ApiKey = "sk-the-right-one" });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl) with { CallLimit = 1 }, TestOpenAi.WithKey(Key));

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => engine.RunAsync(
            Enumerable.Range(0, 20).Select(i => Ollama.TestEngine.Request(method, $"p{i}", i)), CancellationToken.None));

        Assert.Equal(
            $"The server at {Display(server)} refused the key for model 'gpt-fake-mini' (HTTP 401 Unauthorized). " +
            "Set OPENAI_API_KEY to a key this server accepts for that model.",
            error.Message);
        Assert.Single(server.Log.GenerationRequests);
        AssertNoKey(error);
    }

    [Fact]
    public async Task A_server_that_wants_a_key_when_none_is_set_says_to_set_OPENAI_API_KEY()
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { ApiKey = "sk-the-right-one" });
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.BaseUrl));

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestOpenAi.RunOneAsync(engine, LmMethod.ChatCompletion));

        Assert.Contains("asks for a key for model 'gpt-fake-mini'", error.Message);
        Assert.Contains("Set OPENAI_API_KEY in the environment", error.Message);
    }

    [Theory]
    [InlineData(LmMethod.Completion, false)]
    [InlineData(LmMethod.ChatCompletion, true)]
    public async Task An_unknown_model_stops_the_run_at_the_first_request(LmMethod method, bool stream)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var engine = TestOpenAi.Create(
            TestOpenAi.Options(server.BaseUrl) with { ModelIdOrPath = "no-such-model", Stream = stream, CallLimit = 1 });

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => engine.RunAsync(
            Enumerable.Range(0, 20).Select(i => Ollama.TestEngine.Request(method, $"p{i}", i)), CancellationToken.None));

        Assert.Equal(
            $"The server at {Display(server)} has no model 'no-such-model'. Change model_id_or_path on block 'generator' " +
            $"to one that {Display(server)}/models lists.",
            error.Message);
        Assert.Single(server.Log.GenerationRequests);
    }

    [Fact]
    public async Task A_base_url_without_the_api_path_says_it_usually_ends_in_v1()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        using var engine = TestOpenAi.Create(TestOpenAi.Options(server.Root));

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestOpenAi.RunOneAsync(engine, LmMethod.ChatCompletion));

        Assert.Contains("does not look like an OpenAI-compatible API", error.Message);
        Assert.Contains("it usually ends in /v1", error.Message);
    }

    [Theory]
    [InlineData(LmMethod.Completion)]
    [InlineData(LmMethod.ChatCompletion)]
    public async Task No_server_listening_stops_the_run_naming_the_url_the_model_and_the_fix(LmMethod method)
    {
        var port = FreePort();
        using var engine = TestOpenAi.Create(new OpenAiOptions { ModelIdOrPath = TestOpenAi.Model, BaseUrl = $"http://127.0.0.1:{port}/v1" });

        var error = await Assert.ThrowsAsync<LmPermanentException>(() => engine.RunAsync(
            Enumerable.Range(0, 10).Select(i => Ollama.TestEngine.Request(method, $"p{i}", i)), CancellationToken.None));

        Assert.Equal(
            $"No OpenAI-compatible server answered at http://127.0.0.1:{port}/v1 (connection refused) for model 'gpt-fake-mini'. " +
            "Start the server, set OPENAI_BASE_URL, or set base_url on block 'generator'.",
            error.Message);
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_refused_when_the_block_is_built()
    {
        var error = Assert.Throws<LmPermanentException>(() => TestOpenAi.Create(new OpenAiOptions { ModelIdOrPath = "m", BaseUrl = "ftp://x/v1" }));

        Assert.Contains("base_url 'ftp://x/v1' of block 'generator'", error.Message);
    }

    private static string Display(FakeLlmServer server) => server.BaseUrl.ToString().TrimEnd('/');

    private static void AssertNoKey(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            Assert.DoesNotContain(Key, cause.Message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Key, error.ToString(), StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

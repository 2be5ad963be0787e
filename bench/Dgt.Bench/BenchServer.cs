using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dgt.Testing.FakeLlm.Ollama;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Bench;

/// <summary>
/// The server the engine benchmark drives (<c>--server</c>): <c>canned</c>, the default, a
/// <see cref="CannedReplyServer"/> in this process, whose own CPU is small enough not to blur the engine's;
/// <c>canned-process</c>, the same in a child process, so this process's CPU is the client side alone; <c>test</c>,
/// the full fake server the tests use, in this process.
/// </summary>
internal sealed class BenchServer(string engineBaseUrl, string model, Func<ServerStats> stats, Func<ValueTask> stop) : IAsyncDisposable
{
    public const string OpenAiModel = "gpt-fake-mini";
    public const string OllamaModel = "mistral-small3.2";

    /// <summary>The base URL as the engine's <c>base_url</c> option takes it.</summary>
    public string EngineBaseUrl { get; } = engineBaseUrl;

    /// <summary>A model the server knows.</summary>
    public string Model { get; } = model;

    /// <summary>The most requests the server held at once, and how long it held them (when it knows).</summary>
    public Func<ServerStats> Stats { get; } = stats;

    /// <summary><c>--engine</c>: whose protocol the server speaks.</summary>
    public static Option<string> EngineOption() => BenchCommandLine.Choice("--engine", "The engine, and the protocol its server speaks.", "openai", "ollama");

    /// <summary><c>--latency-ms</c>: how long the server holds every request.</summary>
    public static Option<double> LatencyOption() => BenchCommandLine.Number("--latency-ms", "How long the server holds every request, in milliseconds.", 50.0);

    public static async Task<BenchServer> StartAsync(string engineType, TimeSpan latency, string kind)
    {
        var openAi = engineType == "openai";
        var model = openAi ? OpenAiModel : OllamaModel;
        string BaseUrl(int port) => openAi ? $"http://127.0.0.1:{port}/v1" : $"http://127.0.0.1:{port}/";
        switch (kind)
        {
            case "canned":
                var canned = CannedReplyServer.Start(latency, openAi ? CannedReplies.OpenAi(model) : CannedReplies.Ollama(model));
                return new BenchServer(BaseUrl(canned.Port), model, () => new ServerStats(canned.PeakInFlight, canned.MeanHeldMilliseconds), canned.DisposeAsync);
            case "canned-process":
                var child = StartChild(engineType, latency);
                var port = int.Parse((await child.StandardOutput.ReadLineAsync())!.Split(' ')[1], CultureInfo.InvariantCulture);
                return new BenchServer(BaseUrl(port), model, () => AskStats(child), () => StopChild(child));
            case "test" when openAi:
                var openAiServer = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = latency });
                return new BenchServer(openAiServer.BaseUrl.ToString(), model, () => new ServerStats(openAiServer.Log.PeakConcurrency, null), openAiServer.DisposeAsync);
            case "test":
                var ollama = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = latency });
                return new BenchServer(ollama.BaseUrl.ToString(), model, () => new ServerStats(ollama.Log.PeakConcurrency, null), ollama.DisposeAsync);
            default:
                throw new ArgumentException($"unknown server '{kind}' (canned, canned-process or test)");
        }
    }

    public ValueTask DisposeAsync() => stop();

    private static Process StartChild(string engineType, TimeSpan latency)
    {
        // Run as `dotnet Dgt.Bench.dll` or as the apphost, whichever this process is.
        var host = Environment.ProcessPath!;
        var start = new ProcessStartInfo(host) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchServer).Assembly.Location);
        }

        foreach (var argument in new[] { "canned-server", "--engine", engineType, "--latency-ms", latency.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static ServerStats AskStats(Process child)
    {
        child.StandardInput.WriteLine("stats");
        child.StandardInput.Flush();
        var figures = child.StandardOutput.ReadLine()!.Split(' ');
        return new ServerStats(int.Parse(figures[0], CultureInfo.InvariantCulture), double.Parse(figures[1], CultureInfo.InvariantCulture));
    }

    private static async ValueTask StopChild(Process child)
    {
        child.StandardInput.Close();
        await child.WaitForExitAsync();
        child.Dispose();
    }
}

/// <summary>What the server saw: the most requests held at once and their mean holding time, if measured.</summary>
internal sealed record ServerStats(int PeakInFlight, double? MeanHeldMilliseconds);

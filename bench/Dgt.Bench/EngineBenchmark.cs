using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Dgt.Runtime.Engines.Ollama;
using Dgt.Runtime.Engines.OpenAi;

namespace Dgt.Bench;

/// <summary>
/// <c>engine</c>: drives the real <c>openai</c> or <c>ollama</c> engine against a fake server (in this process, on
/// 127.0.0.1) whose every reply takes <c>--latency-ms</c>, with <c>--concurrency</c> as the call limit, and prints one
/// JSON line: the requests per second achieved, the ideal (concurrency / latency), their ratio, and the process CPU
/// time per request. The fake server's own work is in the CPU figure too. A warm-up round comes first, so the figures
/// measure the steady state, not the JIT or the first connections. Before the engine, the same number of requests goes
/// through a bare HttpClient to the same server: the CPU that takes is the fake server's and HTTP's own share, so the
/// difference is what the engine adds (<c>--no-baseline</c> skips it). <c>--rounds</c> (3) pairs of runs alternate the
/// two; the figures are the medians. Which server: see <see cref="BenchServer"/>; with <c>--server canned-process</c>
/// the CPU figures are the client side alone.
/// </summary>
internal static class EngineBenchmark
{
    public static Command CreateCommand()
    {
        var engine = BenchServer.EngineOption();
        var method = BenchCommandLine.Choice("--method", "The engine's method.", "completion", "chat");
        var stream = new Option<bool>("--stream") { Description = "Ask for streamed replies." };
        var latency = BenchServer.LatencyOption();
        var concurrency = BenchCommandLine.Number("--concurrency", "The engine's call limit.", 64);
        var requests = BenchCommandLine.Number("--requests", "Requests per measured run.", 5000);
        var rounds = BenchCommandLine.Number("--rounds", "Pairs of runs (bare client, engine) whose medians are reported.", 3);
        var server = BenchCommandLine.Choice("--server", "The server driven: see the README.", "canned", "canned-process", "test");
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the bare HttpClient runs." };
        var command = new Command("engine", "Drive an LLM engine against a fake server on 127.0.0.1.")
        {
            engine, method, stream, latency, concurrency, requests, rounds, server, noBaseline,
        };
        command.SetAction(parsed => Run(
            parsed.GetValue(engine)!,
            parsed.GetValue(method) == "chat" ? LmMethod.ChatCompletion : LmMethod.Completion,
            parsed.GetValue(stream),
            TimeSpan.FromMilliseconds(parsed.GetValue(latency)),
            parsed.GetValue(concurrency),
            parsed.GetValue(requests),
            parsed.GetValue(server)!,
            Math.Max(1, parsed.GetValue(rounds)),
            withBaseline: !parsed.GetValue(noBaseline)));
        return command;
    }

    private static int Run(string engineType, LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests, string server, int rounds, bool withBaseline)
    {
        // Rounds alternate the bare client and the engine, so both see the same machine; medians damp the noise of a
        // busy machine without hiding a steady difference.
        var baselines = new List<Measurement>();
        var engineRuns = new List<Measurement>();
        for (var round = 0; round < rounds; round++)
        {
            if (withBaseline)
            {
                baselines.Add(RunBaseline(engineType, method, stream, latency, concurrency, requests, server).GetAwaiter().GetResult());
            }

            engineRuns.Add(RunEngine(engineType, method, stream, latency, concurrency, requests, server).GetAwaiter().GetResult());
        }

        var ideal = concurrency / latency.TotalSeconds;
        double Ratio(Measurement m) => requests / m.Wall.TotalSeconds / ideal;
        double CpuPerRequest(Measurement m) => m.Cpu.TotalMicroseconds / requests;
        double KernelPerRequest(Measurement m) => m.KernelCpu.TotalMicroseconds / requests;
        var measured = engineRuns[^1];
        using var output = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("engine", engineType);
        json.WriteString("method", method == LmMethod.Completion ? "completion" : "chat");
        json.WriteBoolean("stream", stream);
        json.WriteString("server", server);
        json.WriteNumber("requests", requests);
        json.WriteNumber("rounds", rounds);
        json.WriteNumber("concurrency", concurrency);
        json.WriteNumber("latency_ms", latency.TotalMilliseconds);
        json.WriteNumber("requests_per_second", Math.Round(Median(engineRuns, Ratio) * ideal, 1));
        json.WriteNumber("ideal_requests_per_second", Math.Round(ideal, 1));
        json.WriteNumber("ratio", Math.Round(Median(engineRuns, Ratio), 4));
        json.WriteNumber("cpu_us_per_request", Math.Round(Median(engineRuns, CpuPerRequest), 1));
        json.WriteNumber("kernel_cpu_us_per_request", Math.Round(Median(engineRuns, KernelPerRequest), 1));
        if (withBaseline)
        {
            json.WriteNumber("baseline_ratio", Math.Round(Median(baselines, Ratio), 4));
            json.WriteNumber("baseline_cpu_us_per_request", Math.Round(Median(baselines, CpuPerRequest), 1));
            json.WriteNumber("baseline_kernel_cpu_us_per_request", Math.Round(Median(baselines, KernelPerRequest), 1));
            json.WriteNumber("engine_cpu_us_per_request", Math.Round(Median(engineRuns, CpuPerRequest) - Median(baselines, CpuPerRequest), 1));
            json.WriteNumber("engine_alloc_kb_per_request", Math.Round((Median(engineRuns, m => m.Allocated) - Median(baselines, m => m.Allocated)) / 1024.0 / requests, 2));
        }

        json.WriteNumber("failures", engineRuns.Sum(m => m.Failures));
        json.WriteNumber("peak_in_flight", measured.Server.PeakInFlight);
        if (measured.Server.MeanHeldMilliseconds is { } held)
        {
            // The server's timer holds a request a little longer than asked: the ratio that latency allows.
            json.WriteNumber("server_mean_latency_ms", Math.Round(held, 2));
            json.WriteNumber("server_bound_ratio", Math.Round(latency.TotalMilliseconds / held, 4));
        }

        json.WriteNumber("lowest_concurrency_limit", measured.LowestLimit);
        json.WriteNumber("processors", Environment.ProcessorCount);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        return engineRuns.All(m => m.Failures == 0) ? 0 : 1;
    }

    private static double Median(List<Measurement> runs, Func<Measurement, double> figure)
    {
        var sorted = runs.Select(figure).Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<Measurement> RunEngine(string engineType, LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests, string serverKind)
    {
        await using var server = await BenchServer.StartAsync(engineType, latency, serverKind);
        if (engineType == "openai")
        {
            using var openAi = new OpenAiEngine(new OpenAiOptions { ModelIdOrPath = server.Model, BaseUrl = server.EngineBaseUrl, CallLimit = concurrency, Stream = stream, Timeout = 60 }, Context());
            return await MeasureAsync(openAi, method, concurrency, requests, server.Stats);
        }

        using var ollama = new OllamaEngine(new OllamaOptions { ModelIdOrPath = server.Model, BaseUrl = server.EngineBaseUrl, CallLimit = concurrency, Stream = stream, Timeout = 60 }, Context());
        return await MeasureAsync(ollama, method, concurrency, requests, server.Stats);
    }

    private static async Task<Measurement> MeasureAsync(LMProvider engine, LmMethod method, int concurrency, int requests, Func<ServerStats> stats)
    {
        await engine.RunAsync(Requests(method, 2 * concurrency, "warm-up"), CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var kernelBefore = process.PrivilegedProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var results = await engine.RunAsync(Requests(method, requests, "q"), CancellationToken.None);
        var wall = clock.Elapsed;
        process.Refresh();
        return new Measurement(wall, process.TotalProcessorTime - cpuBefore, process.PrivilegedProcessorTime - kernelBefore, results.Count(r => !r.Succeeded), stats(), GC.GetTotalAllocatedBytes() - allocatedBefore, engine.Statistics.LowestConcurrencyLimit);
    }

    private static async Task<Measurement> RunBaseline(string engineType, LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests, string serverKind)
    {
        var openAi = engineType == "openai";
        await using var server = await BenchServer.StartAsync(engineType, latency, serverKind);
        var chat = method == LmMethod.ChatCompletion;
        var url = openAi
            ? new Uri(server.EngineBaseUrl + (chat ? "/chat/completions" : "/completions"))
            : new Uri(new Uri(server.EngineBaseUrl), chat ? "api/chat" : "api/generate");
        var streamFields = stream
            ? (openAi ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "\"stream\":true")
            : "\"stream\":false";
        var model = server.Model;
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        using var slots = new SemaphoreSlim(concurrency);

        async Task<bool> SendAsync(int i)
        {
            await slots.WaitAsync();
            try
            {
                // The same request the engine sends, through a bare client that reads the body and nothing more.
                var input = chat
                    ? $"\"messages\":[{{\"role\":\"system\",\"content\":\"You write quiz questions.\"}},{{\"role\":\"user\",\"content\":\"q {i}: write one.\"}}]"
                    : $"\"prompt\":\"q {i}: write one geography question.\"";
                var body = $"{{\"model\":\"{model}\",{input},{streamFields}}}";
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                await response.Content.ReadAsStringAsync();
                return response.IsSuccessStatusCode;
            }
            finally
            {
                slots.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 2 * concurrency).Select(SendAsync));
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var kernelBefore = process.PrivilegedProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, requests).Select(SendAsync));
        var wall = clock.Elapsed;
        process.Refresh();
        return new Measurement(wall, process.TotalProcessorTime - cpuBefore, process.PrivilegedProcessorTime - kernelBefore, outcomes.Count(ok => !ok), server.Stats(), GC.GetTotalAllocatedBytes() - allocatedBefore);
    }

    private static IEnumerable<LmRequest<int>> Requests(LmMethod method, int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => method == LmMethod.Completion
            ? LmRequest.Completion($"{prefix} {i}: write one geography question.", i)
            : LmRequest.Chat([ChatMessage.System("You write quiz questions."), ChatMessage.User($"{prefix} {i}: write one.")], i));

    private static BlockContext Context() => new("generator", "bench/engine", _ => null);

    private sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, TimeSpan KernelCpu, int Failures, ServerStats Server, long Allocated, int LowestLimit = 0);
}

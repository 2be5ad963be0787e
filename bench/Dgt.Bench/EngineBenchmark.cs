using System.Diagnostics;
using System.Text.Json;
using Dgt.Engines.Ollama;
using Dgt.Engines.OpenAi;
using Dgt.Testing.Ollama;
using Dgt.Testing.OpenAi;

namespace Dgt.Bench;

/// <summary>
/// <c>engine</c>: drives the real <c>openai</c> or <c>ollama</c> engine against its fake server (in this process, on
/// 127.0.0.1) whose every reply takes <c>--latency-ms</c>, with <c>--concurrency</c> as the call limit, and prints one
/// JSON line: the requests per second achieved, the ideal (concurrency / latency), their ratio, and the process CPU
/// time per request. The fake server's own work is in the CPU figure too. A warm-up round comes first, so the figures
/// measure the steady state, not the JIT or the first connections. Before the engine, the same number of requests goes
/// through a bare HttpClient to the same server: the CPU that takes is the fake server's and HTTP's own share, so the
/// difference is what the engine adds (<c>--no-baseline</c> skips it).
/// </summary>
internal static class EngineBenchmark
{
    public static int Run(BenchArguments arguments)
    {
        var engineType = arguments.String("engine") ?? "openai";
        var method = (arguments.String("method") ?? "completion") == "chat" ? LmMethod.ChatCompletion : LmMethod.Completion;
        var stream = arguments.Has("stream");
        var latency = TimeSpan.FromMilliseconds(arguments.Double("latency-ms", 50));
        var concurrency = arguments.Int("concurrency", 64);
        var requests = arguments.Int("requests", 5000);
        var baseline = arguments.Has("no-baseline") ? null : RunBaseline(engineType, method, stream, latency, concurrency, requests).GetAwaiter().GetResult();
        var measured = engineType switch
        {
            "openai" => RunOpenAi(method, stream, latency, concurrency, requests).GetAwaiter().GetResult(),
            "ollama" => RunOllama(method, stream, latency, concurrency, requests).GetAwaiter().GetResult(),
            _ => throw new ArgumentException($"unknown engine '{engineType}' (openai or ollama)"),
        };

        var achieved = requests / measured.Wall.TotalSeconds;
        var ideal = concurrency / latency.TotalSeconds;
        using var output = Console.OpenStandardOutput();
        using var json = new Utf8JsonWriter(output);
        json.WriteStartObject();
        json.WriteString("engine", engineType);
        json.WriteString("method", method == LmMethod.Completion ? "completion" : "chat");
        json.WriteBoolean("stream", stream);
        json.WriteNumber("requests", requests);
        json.WriteNumber("concurrency", concurrency);
        json.WriteNumber("latency_ms", latency.TotalMilliseconds);
        json.WriteNumber("seconds", Math.Round(measured.Wall.TotalSeconds, 3));
        json.WriteNumber("requests_per_second", Math.Round(achieved, 1));
        json.WriteNumber("ideal_requests_per_second", Math.Round(ideal, 1));
        json.WriteNumber("ratio", Math.Round(achieved / ideal, 4));
        json.WriteNumber("cpu_us_per_request", Math.Round(measured.Cpu.TotalMicroseconds / requests, 1));
        if (baseline is not null)
        {
            var baselineCpu = baseline.Cpu.TotalMicroseconds / requests;
            json.WriteNumber("baseline_cpu_us_per_request", Math.Round(baselineCpu, 1));
            json.WriteNumber("engine_cpu_us_per_request", Math.Round((measured.Cpu.TotalMicroseconds / requests) - baselineCpu, 1));
            json.WriteNumber("engine_alloc_kb_per_request", Math.Round((measured.Allocated - baseline.Allocated) / 1024.0 / requests, 2));
            json.WriteNumber("baseline_ratio", Math.Round(requests / baseline.Wall.TotalSeconds / ideal, 4));
        }

        json.WriteNumber("failures", measured.Failures);
        json.WriteNumber("peak_in_flight", measured.PeakInFlight);
        json.WriteNumber("lowest_concurrency_limit", measured.LowestLimit);
        json.WriteNumber("processors", Environment.ProcessorCount);
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        return measured.Failures == 0 ? 0 : 1;
    }

    private static async Task<Measurement> RunOpenAi(LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests)
    {
        await using var server = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = latency });
        var options = new OpenAiOptions { ModelIdOrPath = "gpt-fake-mini", BaseUrl = server.BaseUrl.ToString(), CallLimit = concurrency, Stream = stream, Timeout = 60 };
        using var engine = new OpenAiEngine(options, Context());
        return await MeasureAsync(engine, method, concurrency, requests, () => server.Log.PeakConcurrency);
    }

    private static async Task<Measurement> RunOllama(LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests)
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = latency });
        var options = new OllamaOptions { ModelIdOrPath = "mistral-small3.2", BaseUrl = server.BaseUrl.ToString(), CallLimit = concurrency, Stream = stream, Timeout = 60 };
        using var engine = new OllamaEngine(options, Context());
        return await MeasureAsync(engine, method, concurrency, requests, () => server.Log.PeakConcurrency);
    }

    private static async Task<Measurement> MeasureAsync(LMProvider engine, LmMethod method, int concurrency, int requests, Func<int> peak)
    {
        await engine.RunAsync(Requests(method, 2 * concurrency, "warm-up"), CancellationToken.None);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var results = await engine.RunAsync(Requests(method, requests, "q"), CancellationToken.None);
        var wall = clock.Elapsed;
        process.Refresh();
        return new Measurement(wall, process.TotalProcessorTime - cpuBefore, results.Count(r => !r.Succeeded), peak(), GC.GetTotalAllocatedBytes() - allocatedBefore, engine.Statistics.LowestConcurrencyLimit);
    }

    private static async Task<Measurement> RunBaseline(string engineType, LmMethod method, bool stream, TimeSpan latency, int concurrency, int requests)
    {
        var openAi = engineType == "openai";
        await using var openAiServer = openAi ? await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { Latency = latency }) : null;
        await using var ollamaServer = openAi ? null : await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Latency = latency });
        var chat = method == LmMethod.ChatCompletion;
        var url = openAi
            ? new Uri(openAiServer!.BaseUrl + (chat ? "/chat/completions" : "/completions"))
            : new Uri(ollamaServer!.BaseUrl, chat ? "api/chat" : "api/generate");
        var streamFields = stream
            ? (openAi ? "\"stream\":true,\"stream_options\":{\"include_usage\":true}" : "\"stream\":true")
            : "\"stream\":false";
        var model = openAi ? "gpt-fake-mini" : "mistral-small3.2";
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
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, requests).Select(SendAsync));
        var wall = clock.Elapsed;
        process.Refresh();
        var peak = openAi ? openAiServer!.Log.PeakConcurrency : ollamaServer!.Log.PeakConcurrency;
        return new Measurement(wall, process.TotalProcessorTime - cpuBefore, outcomes.Count(ok => !ok), peak, GC.GetTotalAllocatedBytes() - allocatedBefore);
    }

    private static IEnumerable<LmRequest<int>> Requests(LmMethod method, int count, string prefix) =>
        Enumerable.Range(0, count).Select(i => method == LmMethod.Completion
            ? LmRequest.Completion($"{prefix} {i}: write one geography question.", i)
            : LmRequest.Chat([ChatMessage.System("You write quiz questions."), ChatMessage.User($"{prefix} {i}: write one.")], i));

    private static BlockContext Context() => new("generator", "bench/engine", _ => null);

    private sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, int Failures, int PeakInFlight, long Allocated, int LowestLimit = 0);
}

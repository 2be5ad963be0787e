using System.Text;
using System.Text.Json.Nodes;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

/// <summary>The fake must behave like Ollama where the engine's tests rely on it.</summary>
public sealed class FakeOllamaServerTests
{
    [Fact]
    public async Task Streams_ndjson_when_the_request_says_nothing_about_streaming()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var body = await PostAsync(http, "/api/generate", """{"model":"mistral-small3.2","prompt":"hi"}""");

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        Assert.True(lines.Count > 2);
        Assert.All(lines[..^1], l => Assert.False(l["done"]!.GetValue<bool>()));
        Assert.True(lines[^1]["done"]!.GetValue<bool>());
        Assert.Equal(GeographyResponder.Pair(1), string.Concat(lines.Select(l => l["response"]!.GetValue<string>())));
        Assert.Null(Assert.Single(server.Log.Requests).Stream);
    }

    [Fact]
    public void A_latency_spread_gives_each_request_its_own_latency_within_the_spread_and_the_same_one_again()
    {
        var options = new FakeOllamaOptions { Latency = TimeSpan.FromMilliseconds(50), LatencySpread = TimeSpan.FromMilliseconds(450) };

        var latencies = Enumerable.Range(1, 200).Select(options.LatencyOf).ToList();

        Assert.All(latencies, l => Assert.InRange(l.TotalMilliseconds, 50, 500));
        Assert.True(latencies.Distinct().Count() > 150, "latencies vary from request to request");
        Assert.True(latencies.Max() - latencies.Min() > TimeSpan.FromMilliseconds(300), "they cover the spread");
        Assert.Equal(latencies, Enumerable.Range(1, 200).Select(options.LatencyOf));
        Assert.Equal(TimeSpan.FromMilliseconds(50), new FakeOllamaOptions { Latency = TimeSpan.FromMilliseconds(50) }.LatencyOf(7));
    }

    [Fact]
    public async Task Answers_one_object_when_streaming_is_off()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var body = await PostAsync(http, "/api/chat", """{"model":"mistral-small3.2:latest","stream":false,"messages":[{"role":"user","content":"hi"}]}""");

        var reply = JsonNode.Parse(body)!.AsObject();
        Assert.Equal(GeographyResponder.Pair(1), reply["message"]!["content"]!.GetValue<string>());
        Assert.Equal(1, reply["prompt_eval_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Lists_its_models_shows_them_and_reports_a_version()
    {
        await using var server = await FakeOllamaServer.StartAsync(new FakeOllamaOptions { Models = ["a", "b:7b"] });
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var tags = JsonNode.Parse(await http.GetStringAsync("/api/tags"))!;
        var show = await http.PostAsync("/api/show", new StringContent("""{"model":"b:7b"}""", Encoding.UTF8, "application/json"));
        var missing = await http.PostAsync("/api/show", new StringContent("""{"model":"c"}""", Encoding.UTF8, "application/json"));
        var version = JsonNode.Parse(await http.GetStringAsync("/api/version"))!;

        Assert.Equal(["a:latest", "b:7b"], tags["models"]!.AsArray().Select(m => m!["name"]!.GetValue<string>()));
        Assert.True(show.IsSuccessStatusCode);
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Equal("0.12.6", version["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_model_gets_ollama_s_404_body()
    {
        await using var server = await FakeOllamaServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseUrl };

        var response = await http.PostAsync("/api/generate", new StringContent("""{"model":"x","prompt":"p"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("""{"error":"model 'x' not found"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void The_default_replies_are_all_different()
    {
        var pairs = Enumerable.Range(1, 1000).Select(GeographyResponder.Pair).ToList();

        Assert.Equal(pairs.Count, pairs.Distinct().Count());
        Assert.All(pairs, p => Assert.Matches("^Question: .+\nAnswer: .+$", p));
    }

    [Fact]
    public void A_seeded_random_plan_picks_the_same_faults_whatever_the_order_of_arrival()
    {
        var plan = FaultPlan.Random(0.3, seed: 42);
        var again = FaultPlan.Random(0.3, seed: 42);
        FakeRequest Numbered(int n) => new() { Number = n, Path = FakeOllamaPaths.Generate, ReceivedAt = default };

        var forwards = Enumerable.Range(1, 500).Select(n => plan.For(Numbered(n))).ToList();
        var backwards = Enumerable.Range(1, 500).Reverse().Select(n => again.For(Numbered(n))).Reverse().ToList();

        Assert.Equal(forwards, backwards);
        Assert.InRange(forwards.Count(f => f is not null), 110, 190);
    }

    private static async Task<string> PostAsync(HttpClient http, string path, string json)
    {
        using var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}

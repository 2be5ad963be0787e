using System.Text;
using Dgt.Runtime.Tests.Engines.Ollama;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.OpenAi;

namespace Dgt.Runtime.Tests.Engines.OpenAi;

public sealed class OpenAiSecretTests : IDisposable
{
    private const string Key = "sk-proj-SECRET-5f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private readonly string _directory = Directory.CreateTempSubdirectory("dgt-secret-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task The_key_appears_in_no_result_exception_statistic_or_cache_file_whatever_goes_wrong()
    {
        var faults = new List<FakeFault>(FaultPlan.TransportFaults) { FakeFault.ServerError(400), FakeFault.Stall, FakeFault.StallMidBody };
        var options = new FakeOpenAiOptions
        {
            ApiKey = Key,
            StallDuration = TimeSpan.FromSeconds(10),
            Faults = FaultPlan.Random(0.5, seed: 5, faults),
        };
        await using var server = await FakeOpenAiServer.StartAsync(options);
        var cache = Path.Combine(_directory, "cache.sqlite");
        var seen = new StringBuilder();
        foreach (var (method, stream) in new[] { (LmMethod.Completion, false), (LmMethod.Completion, true), (LmMethod.ChatCompletion, false), (LmMethod.ChatCompletion, true) })
        {
            using var engine = TestOpenAi.Create(
                TestOpenAi.Options(server.BaseUrl) with { Stream = stream, LmCache = cache, MaxRetries = 1, Timeout = 0.3, CallLimit = 8 },
                TestOpenAi.WithKey(Key));
            var results = await engine.RunAsync(
                Enumerable.Range(0, 16).Select(i => TestEngine.Request(method, $"{method} {stream} {i}", i)), CancellationToken.None);
            foreach (var result in results)
            {
                seen.AppendLine(result.Failure).AppendLine(result.Text);
            }

            var statistics = engine.Statistics;
            seen.Append(statistics.Requests).Append(statistics.Failures).Append(statistics.CacheHits).AppendLine();
            Assert.Contains(results, r => !r.Succeeded);
        }

        // Refused keys: the server quotes the key it was sent, in both modes.
        await using var strict = await FakeOpenAiServer.StartAsync(new FakeOpenAiOptions { ApiKey = "sk-a-different-key" });
        foreach (var method in new[] { LmMethod.Completion, LmMethod.ChatCompletion })
        {
            using var engine = TestOpenAi.Create(TestOpenAi.Options(strict.BaseUrl), TestOpenAi.WithKey(Key));
            var error = await Assert.ThrowsAsync<LmPermanentException>(() => TestOpenAi.RunOneAsync(engine, method));
            seen.AppendLine(error.ToString());
            for (Exception? cause = error; cause is not null; cause = cause.InnerException)
            {
                seen.AppendLine(cause.Message);
            }
        }

        Assert.True(server.Log.GenerationRequests.All(r => r.Authorization == "Bearer " + Key));
        Assert.DoesNotContain(Key, seen.ToString(), StringComparison.Ordinal);
        Assert.Contains("HTTP 401", seen.ToString(), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(_directory))
        {
            var bytes = await ReadSharedAsync(file);
            Assert.False(Encoding.UTF8.GetString(bytes).Contains(Key, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the key");
        }
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}

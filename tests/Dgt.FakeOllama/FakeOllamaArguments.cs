using System.Globalization;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.FakeOllama;

/// <summary>The command line: <c>--port 0 --latency-ms 100 [--latency-spread-ms 400] --model m [--model m2] [--fault-rate 0.2 --seed 1]
/// [--faults 500,503,429,reset,reset-mid-body,truncated,malformed-json,malformed-reply,stall] [--stall-ms 30000]</c>.</summary>
internal sealed record FakeOllamaArguments(FakeOllamaOptions Options)
{
    public const string Usage =
        "usage: Dgt.FakeOllama [--port N] [--latency-ms N] [--latency-spread-ms N] [--model NAME]... [--fault-rate R] [--seed N] " +
        "[--faults 500,503,429,reset,reset-mid-body,truncated,malformed-json,malformed-reply,stall] [--stall-ms N]";

    /// <summary>The options, or an error message.</summary>
    public static (FakeOllamaArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var port = 0;
        var latencyMs = 0.0;
        var latencySpreadMs = 0.0;
        var models = new List<string>();
        var faultRate = 0.0;
        var seed = 1;
        var stallMs = 30_000.0;
        IReadOnlyList<FakeFault>? faults = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Count)
            {
                return (null, $"{name} needs a value");
            }

            var value = args[++i];
            var ok = name switch
            {
                "--port" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535,
                "--latency-ms" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out latencyMs) && latencyMs >= 0,
                "--latency-spread-ms" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out latencySpreadMs) && latencySpreadMs >= 0,
                "--model" => Add(models, value),
                "--fault-rate" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out faultRate) && faultRate is >= 0 and <= 1,
                "--seed" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed),
                "--stall-ms" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out stallMs) && stallMs >= 0,
                "--faults" => (faults = ParseFaults(value)) is not null,
                _ => false,
            };
            if (!ok)
            {
                return (null, $"bad option {name} {value}");
            }
        }

        var options = new FakeOllamaOptions
        {
            Port = port,
            Latency = TimeSpan.FromMilliseconds(latencyMs),
            LatencySpread = TimeSpan.FromMilliseconds(latencySpreadMs),
            Models = models.Count > 0 ? models : new FakeOllamaOptions().Models,
            Faults = faultRate > 0 ? FaultPlan.Random(faultRate, seed, faults) : FaultPlan.None,
            StallDuration = TimeSpan.FromMilliseconds(stallMs),
        };
        return (new FakeOllamaArguments(options), null);
    }

    private static bool Add(List<string> models, string model)
    {
        models.Add(model);
        return model.Length > 0;
    }

    private static List<FakeFault>? ParseFaults(string list)
    {
        var faults = new List<FakeFault>();
        foreach (var name in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            FakeFault? fault = name switch
            {
                "429" => FakeFault.TooManyRequests(TimeSpan.FromSeconds(1)),
                "reset" => FakeFault.Reset,
                "reset-mid-body" => FakeFault.ResetMidBody,
                "truncated" => FakeFault.TruncatedBody,
                "malformed-json" => FakeFault.MalformedJson,
                "malformed-reply" => FakeFault.MalformedReply,
                "stall" => FakeFault.Stall,
                "stall-mid-body" => FakeFault.StallMidBody,
                _ when int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 400 and <= 599 =>
                    FakeFault.ServerError(status),
                _ => null,
            };
            if (fault is null)
            {
                return null;
            }

            faults.Add(fault);
        }

        return faults.Count > 0 ? faults : null;
    }
}

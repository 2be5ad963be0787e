using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Runtime.InteropServices;
using Dgt.Testing.FakeLlm;
using Dgt.Testing.FakeLlm.Ollama;

namespace Dgt.FakeOllama;

/// <summary>
/// The command line, <c>[--port 0] [--latency-ms 100] [--latency-spread-ms 400] [--model m]... [--fault-rate 0.2 --seed 1]
/// [--faults 500,503,429,reset,reset-mid-body,truncated,malformed-json,malformed-reply,stall,stall-mid-body] [--stall-ms 30000]</c>,
/// and its action: serve until SIGTERM, SIGINT or the end of standard input, after printing <c>listening URL</c>.
/// </summary>
internal sealed class FakeOllamaCommand
{
    private readonly Option<int> _port = new("--port")
    {
        Description = "The TCP port on 127.0.0.1; 0 picks a free one.",
        Validators = { result => Require(result, result.GetValueOrDefault<int>() is >= 0 and <= 65535, "a port from 0 to 65535") },
    };

    private readonly Option<double> _latencyMs = NotNegative("--latency-ms", "How long every generation request takes before its reply starts.");
    private readonly Option<double> _latencySpreadMs = NotNegative("--latency-spread-ms", "Up to this much more, drawn per request.");

    private readonly Option<string[]> _models = new("--model")
    {
        Description = "A model the server has (repeatable; default mistral-small3.2).",
        Validators = { result => Require(result, result.GetValueOrDefault<string[]>().All(m => m.Length > 0), "a model name") },
    };

    private readonly Option<double> _faultRate = new("--fault-rate")
    {
        Description = "The share of generation requests that misbehave.",
        Validators = { result => Require(result, result.GetValueOrDefault<double>() is >= 0 and <= 1, "a rate from 0 to 1") },
    };

    private readonly Option<int> _seed = new("--seed") { Description = "Seeds the choice of faulty requests.", DefaultValueFactory = _ => 1 };

    private readonly Option<IReadOnlyList<FakeFault>?> _faults = new("--faults")
    {
        Description = "The faults to draw from: 500,503,429,reset,reset-mid-body,truncated,malformed-json,malformed-reply,stall,stall-mid-body.",
        CustomParser = ParseFaults,
    };

    private readonly Option<double> _stallMs = NotNegative("--stall-ms", "How long a stall lasts.", fallback: 30_000);

    private readonly RootCommand _root = new("A fake Ollama server on 127.0.0.1, for end-to-end runs of the published dgt.");

    public FakeOllamaCommand()
    {
        foreach (var option in new Option[] { _port, _latencyMs, _latencySpreadMs, _models, _faultRate, _seed, _faults, _stallMs })
        {
            _root.Options.Add(option);
        }

        _root.SetAction(ServeAsync);
    }

    /// <summary>Parses <paramref name="args"/> and serves; a usage error exits 2 with the problems and the usage.</summary>
    public async Task<int> RunAsync(string[] args)
    {
        var result = _root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                await Console.Error.WriteLineAsync(problem.Message);
            }

            await Console.Error.WriteLineAsync("Run 'Dgt.FakeOllama --help' for the options.");
            return 2;
        }

        // The action stops on the signals itself, so that the server is disposed before the process ends.
        return await result.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    private async Task<int> ServeAsync(ParseResult parsed, CancellationToken cancellationToken)
    {
        var faultRate = parsed.GetValue(_faultRate);
        var models = parsed.GetValue(_models) ?? [];
        var options = new FakeOllamaOptions
        {
            Port = parsed.GetValue(_port),
            Latency = TimeSpan.FromMilliseconds(parsed.GetValue(_latencyMs)),
            LatencySpread = TimeSpan.FromMilliseconds(parsed.GetValue(_latencySpreadMs)),
            Models = models.Length > 0 ? models : new FakeOllamaOptions().Models,
            Faults = faultRate > 0 ? FaultPlan.Random(faultRate, parsed.GetValue(_seed), parsed.GetValue(_faults)) : FaultPlan.None,
            StallDuration = TimeSpan.FromMilliseconds(parsed.GetValue(_stallMs)),
        };

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        await using var server = await FakeOllamaServer.StartAsync(options, cancellationToken);

        // The one line a script waits for; Console.Out flushes every write.
        Console.Out.WriteLine($"listening {server.BaseUrl.ToString().TrimEnd('/')}");

        if (StandardInput.CanSignalEnd())
        {
            _ = StandardInput.WaitForEndAsync(stop);
        }

        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM, SIGINT or the end of standard input: stop the server below.
        }

        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static Option<double> NotNegative(string name, string description, double fallback = 0) => new(name)
    {
        Description = description + " In milliseconds.",
        DefaultValueFactory = _ => fallback,
        Validators = { result => Require(result, result.GetValueOrDefault<double>() >= 0, "a number of milliseconds, 0 or more") },
    };

    private static void Require(OptionResult result, bool valid, string expected)
    {
        if (!valid)
        {
            result.AddError($"{result.IdentifierToken?.Value} wants {expected}.");
        }
    }

    private static IReadOnlyList<FakeFault>? ParseFaults(ArgumentResult result)
    {
        var faults = new List<FakeFault>();
        foreach (var name in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
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
                result.AddError($"--faults: unknown fault '{name}'.");
                return null;
            }

            faults.Add(fault);
        }

        if (faults.Count == 0)
        {
            result.AddError("--faults wants at least one fault.");
        }

        return faults;
    }
}

using System.CommandLine;
using System.Globalization;

namespace Dgt.Bench;

/// <summary>
/// <c>canned-server</c>: runs a <see cref="CannedReplyServer"/> in a process of its own, so the engine benchmark can
/// measure the client side alone (<c>--server canned-process</c>). It prints <c>listening PORT</c>, answers a
/// <c>stats</c> line on standard input with the most requests it held at once and their mean holding time in
/// milliseconds, and stops when standard input ends.
/// </summary>
internal static class CannedServerCommand
{
    public static Command CreateCommand()
    {
        var engine = BenchServer.EngineOption();
        var model = new Option<string?>("--model") { Description = "The model named in the replies (default the engine's bench model)." };
        var latency = BenchServer.LatencyOption();
        var command = new Command("canned-server", "Serve canned replies in this process until standard input ends.") { engine, model, latency };
        command.SetAction(parsed =>
        {
            var openAi = parsed.GetValue(engine) == "openai";
            return Run(openAi, parsed.GetValue(model) ?? (openAi ? BenchServer.OpenAiModel : BenchServer.OllamaModel), TimeSpan.FromMilliseconds(parsed.GetValue(latency)));
        });
        return command;
    }

    private static int Run(bool openAi, string model, TimeSpan latency)
    {
        var server = CannedReplyServer.Start(latency, openAi ? CannedReplies.OpenAi(model) : CannedReplies.Ollama(model));
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"listening {server.Port}"));
        Console.Out.Flush();
        while (Console.In.ReadLine() is { } line)
        {
            if (line == "stats")
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{server.PeakInFlight} {server.MeanHeldMilliseconds}"));
                Console.Out.Flush();
            }
        }

        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return 0;
    }
}

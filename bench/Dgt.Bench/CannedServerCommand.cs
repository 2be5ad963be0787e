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
    public static int Run(BenchArguments arguments)
    {
        var openAi = (arguments.String("engine") ?? "openai") == "openai";
        var model = arguments.String("model") ?? (openAi ? BenchServer.OpenAiModel : BenchServer.OllamaModel);
        var latency = TimeSpan.FromMilliseconds(arguments.Double("latency-ms", 50));
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

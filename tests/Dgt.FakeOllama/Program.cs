using System.Runtime.InteropServices;
using Dgt.FakeOllama;
using Dgt.Testing.FakeLlm.Ollama;

var (arguments, error) = FakeOllamaArguments.Parse(args);
if (arguments is null)
{
    await Console.Error.WriteLineAsync($"{error}\n{FakeOllamaArguments.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

await using var server = await FakeOllamaServer.StartAsync(arguments.Options);

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

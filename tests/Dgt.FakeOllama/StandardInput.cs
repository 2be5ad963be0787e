namespace Dgt.FakeOllama;

/// <summary>
/// Standard input as a lifeline: when the parent that started the server closes its pipe (or dies), the server stops.
/// Input that is already at its end when the server starts (/dev/null, as a script's background job gets) is no
/// lifeline at all, and only a signal stops the server then.
/// </summary>
internal static class StandardInput
{
    public static bool CanSignalEnd()
    {
        if (!Console.IsInputRedirected)
        {
            return true;
        }

        // On Linux /proc tells what fd 0 is: a pipe can close later; /dev/null or a file is at its end already.
        var target = new FileInfo("/proc/self/fd/0").LinkTarget;
        return target is null || target.StartsWith("pipe:", StringComparison.Ordinal) || target.StartsWith("socket:", StringComparison.Ordinal);
    }

    public static async Task WaitForEndAsync(CancellationTokenSource stop)
    {
        try
        {
            await using var input = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (await input.ReadAsync(buffer, stop.Token) > 0)
            {
                // Whatever the parent writes is ignored: only the end matters.
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (IOException)
        {
            // A broken input is an ended one.
        }

        await stop.CancelAsync();
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;

namespace Dgt.EndToEnd.Tests;

/// <summary>A dgt process the test can watch line by line, signal and kill.</summary>
public sealed class RunningDgt : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly SemaphoreSlim _lineArrived = new(0);

    private RunningDgt(Process process)
    {
        _process = process;
        _process.ErrorDataReceived += (_, e) => Receive(e.Data);
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int ProcessId => _process.Id;

    public IReadOnlyCollection<string> Lines => _lines;

    public static RunningDgt Start(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment)
    {
        var configuration = typeof(RunningDgt).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "DgtConfiguration").Value!;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DgtProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(DgtProcess.RepositoryRoot, "src", "Builders", "bin", configuration, "net10.0", "dgt.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("DGT_OUTPUT_DIR");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new RunningDgt(Process.Start(start)!);
    }

    /// <summary>Waits until a printed line satisfies <paramref name="match"/>; false when the process ended or time ran out.</summary>
    public async Task<bool> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var snapshot = _lines.ToArray();
            if (snapshot.Skip(seen).Any(match))
            {
                return true;
            }

            seen = snapshot.Length;
            if (_process.HasExited)
            {
                return _lines.Any(match);
            }

            await _lineArrived.WaitAsync(TimeSpan.FromMilliseconds(50));
        }

        return false;
    }

    public void KillHard()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }
    }

    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        KillHard();
        _process.Dispose();
        _lineArrived.Dispose();
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            return;
        }

        _lines.Enqueue(line);
        _lineArrived.Release();
    }
}

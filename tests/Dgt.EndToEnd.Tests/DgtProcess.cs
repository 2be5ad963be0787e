using System.Diagnostics;
using System.Reflection;

namespace Dgt.EndToEnd.Tests;

/// <summary>Starts the built <c>dgt</c> program as its own process, from the repository root.</summary>
public static class DgtProcess
{
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The configuration these tests were built in (Debug or Release): the program's and its projects' outputs are there.</summary>
    public static string Configuration { get; } = typeof(DgtProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .First(a => a.Key == "DgtConfiguration").Value!;

    public static async Task<(int ExitCode, string Output, string Error, TimeSpan Elapsed)> RunAsync(
        IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var program = Path.Combine(RepositoryRoot, "src", "Builders", "bin", Configuration, "net10.0", "dgt.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("OLLAMA_HOST");
        start.Environment.Remove("DGT_OUTPUT_DIR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dgt did not finish in time:\n" + await error);
        }

        return (process.ExitCode, await output, await error, clock.Elapsed);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Dgt.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Dgt.sln not found above the test assembly.");
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using Dgt.Configuration;
using Dgt.Runtime.Cli;
using Dgt.Runtime.Reporting;
using Dgt.Runtime.Run;
using Dgt.Runtime.Startup;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime;

/// <summary>The <c>dgt</c> program: parse the command line, check everything, run, summarise, exit with a meaningful code.</summary>
public static class DgtProgram
{
    /// <summary>Runs the program against the process's console and environment.</summary>
    public static async Task<int> RunAsync(string[] args, IBuilderRegistry registry)
    {
        // The last resort, for a failure on a thread of its own or outside a run: one line and exit code 1, instead of
        // the runtime's stack trace and abort. Runs report their own failures (with the stack under --debug) before this.
        var debug = args.Contains("--debug", StringComparer.Ordinal);
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            var exception = e.ExceptionObject as Exception ?? new InvalidOperationException(e.ExceptionObject.ToString());
            Environment.Exit(FailureExit.Report(exception, interrupted: false, debug, Console.Error));
        };
        using var interrupt = new InterruptHandler();
        return await RunAsync(args, registry, Console.Out, Console.Error, Environment.GetEnvironmentVariable,
            interactive: !Console.IsErrorRedirected, interrupt.Token).ConfigureAwait(false);
    }

    /// <summary>Runs the program with explicit streams, environment and cancellation (for tests).</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        IBuilderRegistry registry,
        TextWriter output,
        TextWriter error,
        Func<string, string?> environment,
        bool interactive,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var commandLine = new CommandLine(async (request, token) =>
        {
            try
            {
                return await RunAsync(request, registry, output, error, environment, interactive, token).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                return FailureExit.Report(exception, interrupted: cancellationToken.IsCancellationRequested || token.IsCancellationRequested, request.Debug, error);
            }
        });
        return await commandLine.InvokeAsync(args, output, error, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One run (or validation) of what the command line asked for: check everything, run, summarise.</summary>
    private static async Task<int> RunAsync(
        RunRequest request,
        IBuilderRegistry registry,
        TextWriter output,
        TextWriter error,
        Func<string, string?> environment,
        bool interactive,
        CancellationToken cancellationToken)
    {
        if (request.LmCache is { } cachePath)
        {
            // Engines read their default cache through the environment they are given, so the flag reaches them all.
            var outer = environment;
            environment = name => name == Engines.Cache.LmCachePath.EnvironmentVariable ? cachePath : outer(name);
        }

        var clock = Stopwatch.StartNew();
        var problems = new List<ConfigProblem>();
        var plan = RunPlanner.Plan(request, registry, environment, problems);
        if (plan is null)
        {
            ProblemPrinter.Print(problems, error);
            return ExitCodes.ConfigurationError;
        }

        if (request.ValidateOnly)
        {
            output.WriteLine($"ok: {plan.Builders.Sum(b => b.Tasks.Count)} task(s), {plan.Builders.Count} builder(s); configuration is valid.");
            return ExitCodes.Success;
        }

        // Every task directory is taken before anything is written: a run owns all of its tasks or is refused at once.
        TaskDirectoryLocks locks;
        try
        {
            locks = TaskDirectoryLocks.Acquire(plan.Builders.SelectMany(b => b.Tasks), environment);
        }
        catch (TaskDirectoryBusyException exception)
        {
            error.WriteLine("error: " + exception.Message);
            return ExitCodes.ConfigurationError;
        }

        using var heldLocks = locks;
        var console = new ConsoleSurface(error, interactive);
        var runId = Guid.NewGuid().ToString("N");
        await using var log = new RunLog(console, request.Debug, runId, request.BuildId ?? "exp");
        using var progress = new RunProgress(console);
        var context = new RunContext(log, progress, environment, runId, request.BuildId ?? "exp", locks);
        var outcomes = new List<TaskOutcome>();
        try
        {
            progress.Start();
            foreach (var builder in plan.Builders)
            {
                log.Info($"Builder {builder.Name}: {builder.Tasks.Count} task(s).");
                outcomes.AddRange(await builder.RunAsync(context, cancellationToken).ConfigureAwait(false));
            }
        }
        finally
        {
            // The status line is cleared before anything else is printed, whether the run ended well or not.
            progress.Dispose();
        }

        RunSummary.Print(outcomes, plan, clock.Elapsed, output);
        var shortTasks = outcomes.Where(o => o.EndReason != TaskEndReason.Completed).ToList();
        foreach (var task in shortTasks)
        {
            error.WriteLine($"warning: task '{task.Name}' finished with {task.FinalRows} of {task.Target} rows.");
        }

        return shortTasks.Count > 0 ? ExitCodes.Incomplete : ExitCodes.Success;
    }

    /// <summary>
    /// Ctrl-C and SIGTERM cancel the run so it can flush and record 'cancelled'; a second Ctrl-C exits at once
    /// (rows already appended are on disk either way).
    /// </summary>
    private sealed class InterruptHandler : IDisposable
    {
        private readonly CancellationTokenSource _source = new();
        private readonly PosixSignalRegistration _terminate;
        private int _interrupts;

        public InterruptHandler()
        {
            Console.CancelKeyPress += OnCancelKeyPress;
            _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                _source.Cancel();
            });
        }

        public CancellationToken Token => _source.Token;

        public void Dispose()
        {
            Console.CancelKeyPress -= OnCancelKeyPress;
            _terminate.Dispose();
            _source.Dispose();
        }

        private void OnCancelKeyPress(object? sender, ConsoleCancelEventArgs e)
        {
            if (Interlocked.Increment(ref _interrupts) > 1)
            {
                Environment.Exit(ExitCodes.Interrupted);
            }

            e.Cancel = true;
            _source.Cancel();
        }
    }
}

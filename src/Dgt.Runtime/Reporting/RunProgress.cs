using System.Diagnostics;
using System.Globalization;

namespace Dgt.Runtime.Reporting;

/// <summary>
/// Live progress of a run: rows per task, requests (done and in flight), failures, tokens, rejects and rate. On a terminal a status line is
/// redrawn a few times a second; otherwise one plain line is printed per attempt.
/// </summary>
public sealed class RunProgress : IDisposable
{
    private readonly ConsoleSurface _console;
    private readonly List<TaskProgressSource> _tasks = [];
    private readonly List<LMProvider> _engines = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private Timer? _ticker;
    private int _attempts;

    public RunProgress(ConsoleSurface console)
    {
        _console = console;
    }

    /// <summary>Time since the run started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Every engine whose figures are shown.</summary>
    public IReadOnlyList<LMProvider> Engines => _engines;

    /// <summary>Every task shown.</summary>
    public IReadOnlyList<TaskProgressSource> Tasks => _tasks;

    public void Track(TaskProgressSource task)
    {
        lock (_gate)
        {
            _tasks.Add(task);
        }
    }

    public void Track(LMProvider engine)
    {
        lock (_gate)
        {
            if (!_engines.Contains(engine))
            {
                _engines.Add(engine);
            }
        }
    }

    /// <summary>Starts redrawing the status line (terminals only).</summary>
    public void Start()
    {
        if (_console.IsInteractive)
        {
            _ticker = new Timer(_ => _console.SetStatus(StatusLine()), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        }
    }

    public void AttemptFinished(int attempt)
    {
        Interlocked.Exchange(ref _attempts, attempt);
        if (!_console.IsInteractive)
        {
            _console.WriteLine(StatusLine());
        }
    }

    public void Postprocessed(string task) => _ = task;

    /// <summary>The one-line status: rows per task, then requests (done and in flight), failures, tokens, rejects and rate.</summary>
    public string StatusLine()
    {
        lock (_gate)
        {
            var rows = string.Join("  ", _tasks.Select(t => $"{ShortName(t.Name)} {t.Rows()}/{t.Target}"));
            var requests = _engines.Sum(e => e.Statistics.Requests);
            var inFlight = _engines.Sum(e => e.Statistics.InFlight);
            var failures = _engines.Sum(e => e.Statistics.Failures);
            var tokens = _engines.Sum(e => e.Statistics.PromptTokens + e.Statistics.CompletionTokens);
            var rejects = _tasks.Sum(t => t.Rejected());
            var generated = _tasks.Sum(t => t.Generated());
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            return string.Create(CultureInfo.InvariantCulture,
                $"attempt {Volatile.Read(ref _attempts)} | {rows} | {requests} requests, {inFlight} in flight, {failures} failed | {Compact(tokens)} tokens | {rejects} rejected | {generated / seconds:0.0} rows/s | {Format(_clock.Elapsed)}");
        }
    }

    public void Dispose()
    {
        _ticker?.Dispose();
        _ticker = null;
        _console.ClearStatus();
    }

    /// <summary>Minutes and seconds, or hours when long.</summary>
    public static string Format(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? elapsed.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
            : elapsed.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture);

    private static string ShortName(string task)
    {
        var slash = task.LastIndexOf('/');
        return slash >= 0 ? task[(slash + 1)..] : task;
    }

    private static string Compact(long value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture) + "M",
        >= 10_000 => (value / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };
}

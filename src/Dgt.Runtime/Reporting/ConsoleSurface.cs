namespace Dgt.Runtime.Reporting;

/// <summary>
/// The terminal, shared by log lines and the live status line: on a terminal the status line is redrawn in place and
/// log lines are written above it; when output is redirected, there is no status line, only plain lines.
/// </summary>
public sealed class ConsoleSurface
{
    private readonly TextWriter _writer;
    private readonly Lock _gate = new();
    private string _status = "";

    public ConsoleSurface(TextWriter writer, bool interactive)
    {
        _writer = writer;
        IsInteractive = interactive;
    }

    /// <summary>True when a live status line can be drawn.</summary>
    public bool IsInteractive { get; }

    /// <summary>Writes a line above the status line.</summary>
    public void WriteLine(string line)
    {
        lock (_gate)
        {
            if (IsInteractive && _status.Length > 0)
            {
                _writer.Write("\r\u001b[2K");
            }

            _writer.WriteLine(line);
            if (IsInteractive && _status.Length > 0)
            {
                _writer.Write(_status);
            }

            _writer.Flush();
        }
    }

    /// <summary>Redraws the status line (terminals only).</summary>
    public void SetStatus(string status)
    {
        if (!IsInteractive)
        {
            return;
        }

        lock (_gate)
        {
            _status = status;
            _writer.Write("\r\u001b[2K" + status);
            _writer.Flush();
        }
    }

    /// <summary>Removes the status line.</summary>
    public void ClearStatus()
    {
        if (!IsInteractive)
        {
            return;
        }

        lock (_gate)
        {
            if (_status.Length > 0)
            {
                _writer.Write("\r\u001b[2K");
                _writer.Flush();
            }

            _status = "";
        }
    }
}

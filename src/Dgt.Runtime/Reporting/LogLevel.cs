namespace Dgt.Runtime.Reporting;

/// <summary>Severity of a log record.</summary>
public enum LogLevel
{
    Debug,
    Info,
    Warning,
    Error,
}

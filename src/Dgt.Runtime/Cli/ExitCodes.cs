namespace Dgt.Runtime.Cli;

/// <summary>The process exit codes, as documented in the README.</summary>
public static class ExitCodes
{
    /// <summary>Every task complete.</summary>
    public const int Success = 0;

    /// <summary>A failure while running (a permanent LLM error, an I/O error).</summary>
    public const int RuntimeFailure = 1;

    /// <summary>A usage or configuration error; nothing was written.</summary>
    public const int ConfigurationError = 2;

    /// <summary>Finished, but some task is short of its target.</summary>
    public const int Incomplete = 3;

    /// <summary>Interrupted; everything produced so far is on disk.</summary>
    public const int Interrupted = 130;
}

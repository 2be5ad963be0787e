using Dgt.Runtime.Configuration;
using Dgt.Runtime.Run;

namespace Dgt.Runtime.Cli;

/// <summary>
/// The one place where a failure that reached the top of the program becomes a documented exit code and a short reason.
/// Nothing escapes as an unhandled exception: a user sees one <c>error:</c> line (and what to do), never a stack trace
/// unless they asked for it with <c>--debug</c>.
/// </summary>
internal static class FailureExit
{
    /// <summary>
    /// Prints why the program stops and returns its exit code. <paramref name="interrupted"/> says whether the user
    /// cancelled the run (Ctrl-C, SIGTERM), which makes a cancellation an interruption rather than a failure.
    /// </summary>
    public static int Report(Exception exception, bool interrupted, bool debug, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(error);
        var (code, lines) = Classify(exception, interrupted);
        foreach (var line in lines)
        {
            // The last guard: no address printed here carries its password, whoever built the message.
            error.WriteLine(AddressUserInfo.StarOut(line));
        }

        if (debug)
        {
            error.WriteLine(AddressUserInfo.StarOut(exception.ToString()));
        }

        return code;
    }

    private static (int Code, string[] Lines) Classify(Exception exception, bool interrupted) => exception switch
    {
        OperationCanceledException when interrupted =>
            (ExitCodes.Interrupted, ["Interrupted. Every row produced so far is on disk; run the same command again to resume."]),
        LmPermanentException =>
            (ExitCodes.RuntimeFailure, ["error: " + exception.Message,
                "Nothing more was sent. Rows produced so far are on disk; fix the problem and run again to resume."]),
        RunFailureException or AllRequestsFailedException =>
            (ExitCodes.RuntimeFailure, ["error: " + exception.Message]),

        // Files that cannot be read or written (permissions, a full disk): the message names the file.
        IOException or UnauthorizedAccessException =>
            (ExitCodes.RuntimeFailure, ["error: " + exception.Message,
                "Rows appended before the failure are on disk; fix the problem and run the same command again to resume."]),
        _ =>
            (ExitCodes.RuntimeFailure, ["error: unexpected failure: " + FirstLine(exception.Message),
                "This is a defect in dgt or in the builder's code, not in the configuration. Rows produced so far are on disk; " +
                "run again with --debug to see where it happened."]),
    };

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}

namespace Dgt.Runtime.Tests.Support;

/// <summary>Runs the program in-process and captures what it printed.</summary>
public static class ProgramRun
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(
        IBuilderRegistry registry, IReadOnlyList<string> args, Func<string, string?>? environment = null, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DgtProgram.RunAsync(args, registry, output, error, environment ?? (_ => null), interactive: false, cancellationToken);
        return (code, output.ToString(), error.ToString());
    }
}

using System.CommandLine;

namespace Dgt.Bench;

/// <summary>The bench's command line: one subcommand per benchmark, each declaring its options and running in its action.</summary>
internal static class BenchCommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the subcommand; a usage error exits 2 with the problems.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("Benchmarks of Dgt's runtime parts; each prints one JSON line.")
        {
            RougeBenchmark.CreateCommand(),
            EngineBenchmark.CreateCommand(),
            CannedServerCommand.CreateCommand(),
        };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var problem in result.Errors)
            {
                Console.Error.WriteLine(problem.Message);
            }

            Console.Error.WriteLine("Run 'Dgt.Bench --help' for the subcommands, 'Dgt.Bench <subcommand> --help' for their options.");
            return 2;
        }

        return result.Invoke();
    }

    /// <summary>An option whose value, when given, must be one of <paramref name="choices"/>; the first is the default.</summary>
    public static Option<string> Choice(string name, string description, params string[] choices)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => choices[0] };
        option.AcceptOnlyFromAmong(choices);
        return option;
    }

    /// <summary>A number option with its default.</summary>
    public static Option<T> Number<T>(string name, string description, T fallback) =>
        new(name) { Description = description, DefaultValueFactory = _ => fallback };
}

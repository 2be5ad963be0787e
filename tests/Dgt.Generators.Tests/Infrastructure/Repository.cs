namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>Files of the repository the tests read: the real builders, the snapshots, the samples.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string TestsDirectory => Path.Combine(Root, "tests", "Dgt.Generators.Tests");

    public static string ReadSample(string name) => File.ReadAllText(Path.Combine(TestsDirectory, "Samples", name));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Dgt.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Dgt.sln not found above " + AppContext.BaseDirectory);
    }
}

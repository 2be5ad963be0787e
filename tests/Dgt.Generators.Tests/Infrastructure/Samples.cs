using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests.Infrastructure;

/// <summary>The test inputs: a sample block library and the repository's real geography_qa builder.</summary>
internal static class Samples
{
    public static string GeographyDirectory => Path.Combine(Repository.Root, "src", "Builders", "Public", "Test", "GeographyQa");

    public static string GeographyYamlPath => Path.Combine(GeographyDirectory, "geography_qa.yaml");

    public static string GeographyTaskPath => Path.Combine(Repository.Root, "tasks", "public", "test", "geography_qa", "task.yaml");

    /// <summary>
    /// A block library defining <c>ollama</c> and <c>rouge_scorer</c>: the runtime's built-in blocks are written
    /// elsewhere, and these stand in for them with options of every supported kind.
    /// </summary>
    public static TestProject BlockLibraryProject { get; } = new()
    {
        AssemblyName = "Sample.Blocks",
        RootNamespace = "Sample.Blocks",
        Sources = [("/samples/SampleBlocks.cs", Repository.ReadSample("SampleBlocks.cs"))],
    };

    private static readonly Lazy<(GeneratorRun Run, byte[] Image)> Library = new(() =>
    {
        var run = GeneratorHarness.Run(BlockLibraryProject);
        return (run, run.Emit());
    });

    public static GeneratorRun BlockLibraryRun => Library.Value.Run;

    public static byte[] BlockLibraryImage => Library.Value.Image;

    public static MetadataReference BlockLibraryReference { get; } = MetadataReference.CreateFromImage(Library.Value.Image);

    /// <summary>The program project holding the real geography_qa builder, referencing the sample block library.</summary>
    public static TestProject GeographyProject(params (string Path, string Text)[] extraSources) => new()
    {
        AssemblyName = "dgt",
        RootNamespace = "Dgt.Builders",
        ProjectDir = Path.Combine(Repository.Root, "src", "Builders") + Path.DirectorySeparatorChar,
        SourceRoot = Repository.Root + Path.DirectorySeparatorChar,
        Sources =
        [
            ("/project/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings),
            .. Directory.GetFiles(GeographyDirectory, "*.cs").Order(StringComparer.Ordinal).Select(p => (p, File.ReadAllText(p))),
            .. extraSources,
        ],
        AdditionalTexts =
        [
            new TestAdditionalText(GeographyYamlPath, File.ReadAllText(GeographyYamlPath)),
            new TestAdditionalText(GeographyTaskPath, File.ReadAllText(GeographyTaskPath), "task"),
        ],
        ExtraReferences = [BlockLibraryReference],
    };
}

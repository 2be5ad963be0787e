namespace Dgt.Generators;

/// <summary>Names of the pipeline steps, so tests can check that each is cached when it should be.</summary>
internal static class TrackingNames
{
    public const string Project = nameof(Project);
    public const string Builders = nameof(Builders);
    public const string BlockTypes = nameof(BlockTypes);
    public const string BuilderYamls = nameof(BuilderYamls);
    public const string ReferencedLibraries = nameof(ReferencedLibraries);
    public const string Catalog = nameof(Catalog);
    public const string Program = nameof(Program);
    public const string TaskYamls = nameof(TaskYamls);
    public const string BuilderIndex = nameof(BuilderIndex);
    public const string TaskChecks = nameof(TaskChecks);
}

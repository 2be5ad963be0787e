using Dgt.Configuration;

namespace Dgt.Runtime.Startup;

/// <summary>A task YAML, checked: what to make, from which seeds, with which builder.</summary>
public sealed record TaskDefinition
{
    /// <summary>The unique id, also the output sub-path.</summary>
    public required string Name { get; init; }

    /// <summary>Free text for prompts.</summary>
    public required string Description { get; init; }

    /// <summary>Provenance.</summary>
    public string CreatedBy { get; init; } = "";

    /// <summary>The registered builder name.</summary>
    public required string DataBuilder { get; init; }

    /// <summary>Where <c>data_builder</c> is written, for errors about it.</summary>
    public required SourceSpan DataBuilderSpan { get; init; }

    /// <summary>Inline seed rows.</summary>
    public IReadOnlyList<ConfigMapping> SeedExamples { get; init; } = [];

    /// <summary>A file of seed rows.</summary>
    public DatastoreConfig? SeedDatastore { get; init; }

    /// <summary>Where <c>seed_datastore</c> is written.</summary>
    public SourceSpan? SeedDatastoreSpan { get; init; }

    /// <summary>How the task runs.</summary>
    public required RunnerConfig Runner { get; init; }

    /// <summary>The output store.</summary>
    public DatastoreConfig Datastore { get; init; } = DatastoreConfig.Default;

    /// <summary>The task file.</summary>
    public required string FilePath { get; init; }

    /// <summary>The whole task mapping, for the task card and builder-specific keys.</summary>
    public required ConfigMapping Source { get; init; }
}

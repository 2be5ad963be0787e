using Dgt.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests;

/// <summary>The generated code, read as a reviewer would: any change shows up as a diff against the approved files.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Geography_qa_builder_generates_its_block_binding_codec_yaml_and_registry()
    {
        var run = GeneratorHarness.Run(Samples.GeographyProject());

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Snapshot.VerifyAll("GeographyQa", run.GeneratedSources);
    }

    [Fact]
    public void Block_library_generates_its_catalog_and_one_binder_per_options_record()
    {
        var run = Samples.BlockLibraryRun;

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
        Snapshot.VerifyAll("BlockLibrary", run.GeneratedSources);
    }
}

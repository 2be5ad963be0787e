using Dgt.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests;

/// <summary>
/// The checks added for task YAMLs, block maps, postprocessors and row records: each diagnostic's ID and the exact
/// text its span underlines.
/// </summary>
public sealed class YamlCheckDiagnosticTests
{
    private const string BuilderPath = "/project/QaBuilder.cs";
    private const string YamlPath = "/project/qa.yaml";
    private const string TaskPath = "/project/tasks/qa/task.yaml";

    private const string Builder = """
        namespace App;

        public sealed record QaRow : Dgt.DataPoint
        {
            public required string Question { get; init; }

            public int? Difficulty { get; init; }
        }

        [Dgt.DataBuilder("qa")]
        public sealed partial class QaBuilder : Dgt.GenerationDataBuilder<QaRow>
        {
            [Dgt.Block] private Dgt.LMProvider generator = null!;

            protected override Task<IReadOnlyList<QaRow>> GenerateAsync(Dgt.GenerationBatch<QaRow> batch, CancellationToken cancellationToken) =>
                Task.FromResult<IReadOnlyList<QaRow>>([]);
        }
        """;

    private const string Yaml = """
        name: qa
        blocks:
          - name: generator
            type: ollama
            model_id_or_path: mistral
          - name: dedup
            type: rouge_scorer
            input_map:
              question: input
        postprocessors:
          - name: dedup

        """;

    private const string Task = """
        task_name: qa/task
        task_description: Questions
        data_builder: qa
        seed_examples:
          - question: Where?
            difficulty: 2

        """;

    [Fact]
    public void A_matching_builder_yaml_and_task_report_nothing()
    {
        var (run, _) = Generate(Builder, Yaml, Task);

        Assert.Empty(run.AllDgtDiagnostics);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_row_record_that_is_not_a_data_point_is_reported_at_the_record()
    {
        var (run, files) = Generate(Builder.Replace("QaRow : Dgt.DataPoint", "QaRow", StringComparison.Ordinal), Yaml, Task);

        var diagnostic = DiagnosticAssert.Single(run.AnalyzerDiagnostics, "DGT0012", BuilderPath, 3, 22, "QaRow", files);
        Assert.Contains("does not derive from global::Dgt.DataPoint", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_referenced_assembly_with_block_types_but_no_catalog_is_warned_about()
    {
        var library = GeneratorHarness.Compile(new TestProject
        {
            AssemblyName = "Unregistered.Blocks",
            Sources = [("/lib/Blocks.cs", """
                namespace Unregistered;
                public sealed record QuietOptions;
                [Dgt.BlockType("quiet")]
                public sealed class Quiet(QuietOptions options, Dgt.BlockContext context) : Dgt.IBlock
                {
                    public string Name => context.Name + options;
                }
                """)],
        });
        var project = new TestProject
        {
            AssemblyName = "App",
            Sources = [("/project/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings), (BuilderPath, Builder)],
            AdditionalTexts = [new TestAdditionalText(YamlPath, Yaml)],
            ExtraReferences = [Samples.BlockLibraryReference, library.ToMetadataReference()],
        };

        var run = GeneratorHarness.Run(project);

        var warning = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "DGT0013");
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'Unregistered.Blocks' defines block types (quiet)", warning.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_map_feeding_a_field_the_block_does_not_read_is_reported_at_that_field()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("question: input", "question: text", StringComparison.Ordinal), Task);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0112", YamlPath, 9, 17, "text", files);
        Assert.Contains("Block fields: input.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_map_reading_a_row_field_the_record_lacks_is_reported_at_that_field()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("question: input", "answer: input", StringComparison.Ordinal), Task);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0112", YamlPath, 9, 7, "answer", files);
        Assert.Contains("Row fields: task_name, is_seed, question, difficulty.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_map_writing_a_row_field_the_record_lacks_is_reported_at_that_field()
    {
        var yaml = Yaml.Replace("model_id_or_path: mistral", "model_id_or_path: mistral\n    output_map:\n      output: answr", StringComparison.Ordinal);

        var (run, files) = Generate(Builder, yaml, Task);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0112", YamlPath, 7, 15, "answr", files);
    }

    [Fact]
    public void A_postprocessor_naming_no_block_is_reported_at_its_name_with_a_suggestion()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("postprocessors:\n  - name: dedup", "postprocessors:\n  - name: dedupe", StringComparison.Ordinal), Task);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0113", YamlPath, 11, 11, "dedupe", files);
        Assert.Contains("Did you mean 'dedup'?", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_postprocessor_that_is_not_a_validator_is_reported_at_its_name()
    {
        var (run, files) = Generate(Builder, Yaml + "  - name: generator\n", Task);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0114", YamlPath, 12, 11, "generator", files);
    }

    [Fact]
    public void A_postprocessor_entry_with_an_unknown_key_is_reported_at_the_key()
    {
        var (run, files) = Generate(Builder, Yaml + "    filter: true\n", Task);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0115", YamlPath, 12, 5, "filter", files);
    }

    [Fact]
    public void A_task_key_misplaced_at_the_top_is_reported_at_the_key()
    {
        var (run, files) = Generate(Builder, Yaml, Task + "num_outputs_to_generate: 5\n");

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0200", TaskPath, 7, 1, "num_outputs_to_generate", files);
        Assert.Contains("belongs under 'runner_config:'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_runner_config_key_is_reported_with_a_suggestion()
    {
        var (run, files) = Generate(Builder, Yaml, Task + "runner_config:\n  seed_batch_sise: 2\n");

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0200", TaskPath, 8, 3, "seed_batch_sise", files);
        Assert.Contains("Did you mean 'seed_batch_size'?", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_task_naming_no_builder_is_reported_at_data_builder()
    {
        var (run, files) = Generate(Builder, Yaml, Task.Replace("data_builder: qa", "data_builder: qb", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0201", TaskPath, 3, 15, "qb", files);
        Assert.Contains("Builders in this program: qa.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_missing_a_required_field_is_reported_at_its_first_key()
    {
        var (run, files) = Generate(Builder, Yaml, Task.Replace("  - question: Where?\n    difficulty: 2", "  - difficulty: 2", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0202", TaskPath, 5, 5, "difficulty", files);
        Assert.Contains("Seed example 1 has no 'question'", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_key_the_record_lacks_is_reported_at_the_key_with_a_suggestion()
    {
        var (run, files) = Generate(Builder, Yaml, Task.Replace("difficulty: 2", "dificulty: 2", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0203", TaskPath, 6, 5, "dificulty", files);
        Assert.Contains("Did you mean 'difficulty'?", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_value_that_does_not_fit_its_property_is_reported_at_the_value()
    {
        var (run, files) = Generate(Builder, Yaml, Task.Replace("difficulty: 2", "difficulty: hard", StringComparison.Ordinal));

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0204", TaskPath, 6, 17, "hard", files);
    }

    [Fact]
    public void An_empty_required_seed_value_is_reported_at_the_value()
    {
        var (run, files) = Generate(Builder, Yaml, Task.Replace("question: Where?", "question:", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0204", TaskPath, 5, 14, "", files);
        Assert.Contains("must be text, not empty", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    private static (GeneratorRun Run, Dictionary<string, string> Files) Generate(string builder, string yaml, string task)
    {
        var project = new TestProject
        {
            AssemblyName = "App",
            RootNamespace = "App",
            Sources = [("/project/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings), (BuilderPath, builder)],
            AdditionalTexts = [new TestAdditionalText(YamlPath, yaml), new TestAdditionalText(TaskPath, task, "task")],
            ExtraReferences = [Samples.BlockLibraryReference],
        };
        var files = new Dictionary<string, string> { [BuilderPath] = builder, [YamlPath] = yaml, [TaskPath] = task };
        return (GeneratorHarness.Run(project), files);
    }
}

using Dgt.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Tests;

/// <summary>Each mistake a builder author can make, reported with its ID at the place to fix, C# or YAML.</summary>
public sealed class DiagnosticTests
{
    private const string BuilderPath = "/project/QaBuilder.cs";
    private const string YamlPath = "/project/qa.yaml";

    private const string Builder = """
        namespace App;

        public sealed record QaRow : Dgt.DataPoint
        {
            public required string Question { get; init; }
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
            temperature: 0.5

        """;

    [Fact]
    public void A_builder_that_matches_its_yaml_reports_nothing_and_compiles()
    {
        var (run, _) = Generate(Builder, Yaml);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_builder_class_that_is_not_partial_is_reported_at_its_name()
    {
        var (run, files) = Generate(Builder.Replace("sealed partial class", "sealed class", StringComparison.Ordinal), Yaml);

        var diagnostic = DiagnosticAssert.Single(run.AnalyzerDiagnostics, "DGT0001", BuilderPath, 9, 21, "QaBuilder", files);
        Assert.Contains("add the 'partial' modifier", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_nested_builder_needs_every_containing_type_partial()
    {
        var nested = Builder
            .Replace("[Dgt.DataBuilder(\"qa\")]", "public static class Outer\n{\n[Dgt.DataBuilder(\"qa\")]", StringComparison.Ordinal) + "\n}\n";

        var (run, files) = Generate(nested, Yaml);

        var diagnostic = DiagnosticAssert.Single(run.AnalyzerDiagnostics, "DGT0001", BuilderPath, 8, 21, "Outer", files);
        Assert.Contains("it contains the builder QaBuilder", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_class_that_does_not_derive_from_the_generation_base_is_reported()
    {
        var source = Builder.Replace(": Dgt.GenerationDataBuilder<QaRow>", "", StringComparison.Ordinal)
            .Replace("protected override", "private", StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        DiagnosticAssert.Single(run.AnalyzerDiagnostics, "DGT0002", BuilderPath, 9, 29, "QaBuilder", files);
    }

    [Fact]
    public void A_builder_without_a_builder_yaml_is_reported_at_its_name()
    {
        var (run, files) = Generate(Builder, yaml: null);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0003", BuilderPath, 8, 18, "\"qa\"", files);
        Assert.Contains("No builder YAML has 'name: qa'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void Two_builders_with_one_name_are_reported_at_the_second()
    {
        var second = Builder + """

            [Dgt.DataBuilder("qa")]
            public sealed partial class ZBuilder : Dgt.GenerationDataBuilder<QaRow>
            {
                protected override Task<IReadOnlyList<QaRow>> GenerateAsync(Dgt.GenerationBatch<QaRow> batch, CancellationToken cancellationToken) =>
                    Task.FromResult<IReadOnlyList<QaRow>>([]);
            }
            """;

        var (run, files) = Generate(second, Yaml);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0004", BuilderPath, 16, 18, "\"qa\"", files);
        Assert.Contains("also used by 'App.QaBuilder'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_block_field_of_a_type_that_is_not_a_block_is_reported_at_the_field()
    {
        var source = Builder.Replace("[Dgt.Block] private Dgt.LMProvider generator = null!;", "[Dgt.Block] private string generator = \"\";", StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        var diagnostic = DiagnosticAssert.Single(run.AnalyzerDiagnostics, "DGT0005", BuilderPath, 11, 32, "generator", files);
        Assert.Contains("not a block", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_abstract_builder_is_reported()
    {
        var source = Builder.Replace("public sealed partial class QaBuilder", "public abstract partial class QaBuilder", StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0006", BuilderPath, 9, 31, "QaBuilder", files);
    }

    [Fact]
    public void A_seed_reader_with_the_wrong_signature_is_reported_at_the_method()
    {
        var source = Builder.Replace(
            "[Dgt.Block]",
            "private static QaRow? InstantiateInputExample(string question) => null;\n\n    [Dgt.Block]",
            StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0007", BuilderPath, 11, 27, "InstantiateInputExample", files);
    }

    [Fact]
    public void A_record_property_of_an_unsupported_type_is_reported_at_the_property()
    {
        var source = Builder.Replace(
            "public required string Question { get; init; }",
            "public required string Question { get; init; }\n\n    public DateTime AskedAt { get; init; }",
            StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0008", BuilderPath, 7, 21, "AskedAt", files);
        Assert.Contains("has type 'System.DateTime', which cannot be read from YAML", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void A_positional_record_is_reported_as_not_readable_key_by_key()
    {
        var source = Builder.Replace(
            "public sealed record QaRow : Dgt.DataPoint\n{\n    public required string Question { get; init; }\n}",
            "public sealed record QaRow(string Question) : Dgt.DataPoint;",
            StringComparison.Ordinal);

        var (run, files) = Generate(source, Yaml);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0011", BuilderPath, 3, 22, "QaRow", files);
    }

    [Fact]
    public void A_yaml_syntax_error_is_reported_where_the_parser_stopped()
    {
        var (run, files) = Generate(Builder, "name: qa\nblocks: [unclosed\n  - name: generator\n");

        var diagnostic = run.GeneratorDiagnostics.Single(d => d.Id == "DGT0100");
        Assert.Equal(YamlPath, diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(3, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Equal("Invalid YAML: While parsing a flow sequence, did not find expected ',' or ']'.", diagnostic.GetMessage());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "DGT0003");
        Assert.Empty(run.OutputErrors);
        _ = files;
    }

    [Fact]
    public void A_yaml_without_a_name_is_reported_at_the_file_start()
    {
        var (run, files) = Generate(Builder, "blocks: []\n");

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0101", YamlPath, 1, 1, "", files);
    }

    [Fact]
    public void A_yaml_whose_name_matches_no_builder_is_reported_at_the_name_with_a_suggestion()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("name: qa", "name: qb", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0102", YamlPath, 1, 7, "qb", files);
        Assert.Equal("No [DataBuilder(\"qb\")] class exists for this builder YAML. Did you mean 'qa'? Known builders: qa.", diagnostic.GetMessage());
    }

    [Fact]
    public void Two_yamls_with_one_name_are_reported_at_the_second()
    {
        var (run, files) = Generate(Builder, Yaml, ("/project/z_qa.yaml", Yaml));

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0103", "/project/z_qa.yaml", 1, 7, "qa", files);
    }

    [Fact]
    public void A_block_field_without_a_yaml_block_is_reported_at_the_blocks_key()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("- name: generator", "- name: writer", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0104", YamlPath, 2, 1, "blocks", files);
        Assert.Equal(
            "The builder's field 'generator' (Dgt.LMProvider) has no block named 'generator'. Add '- name: generator' with its 'type:' to 'blocks:'.",
            diagnostic.GetMessage());
    }

    [Fact]
    public void A_block_without_a_type_is_reported_at_its_name()
    {
        var (run, files) = Generate(Builder, "name: qa\nblocks:\n  - name: generator\n    model_id_or_path: m\n");

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0105", YamlPath, 3, 11, "generator", files);
    }

    [Fact]
    public void An_unknown_block_type_is_reported_at_the_type_with_the_known_ones()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("type: ollama", "type: olama", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0106", YamlPath, 4, 11, "olama", files);
        Assert.Equal("Block 'generator' has unknown type 'olama'. Did you mean 'ollama'? Known types: echo, ollama, rouge_scorer.", diagnostic.GetMessage());
    }

    [Fact]
    public void A_block_type_that_does_not_fit_the_field_is_reported_at_the_type()
    {
        var (run, files) = Generate(Builder, "name: qa\nblocks:\n  - name: generator\n    type: rouge_scorer\n");

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0107", YamlPath, 4, 11, "rouge_scorer", files);
        Assert.Contains("which does not fit the field 'generator' (Dgt.LMProvider). Choose a type that is a Dgt.LMProvider.", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_is_reported_at_its_key_with_a_suggestion()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("temperature:", "temprature:", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0108", YamlPath, 6, 5, "temprature", files);
        Assert.StartsWith("Unknown key 'temprature' in block 'generator' (ollama). Did you mean 'temperature'? Valid keys: base_url, call_limit,", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Common_block_keys_and_option_aliases_are_accepted()
    {
        var yaml = Yaml.Replace("temperature: 0.5", "num_predict: 64\n    input_map:\n      question: input\n    output_map:\n      output: question", StringComparison.Ordinal);

        var (run, _) = Generate(Builder, yaml);

        Assert.Empty(run.GeneratorDiagnostics);
    }

    [Fact]
    public void A_missing_required_option_is_reported_at_the_block_name()
    {
        var (run, files) = Generate(Builder, Yaml.Replace("    model_id_or_path: mistral\n", "", StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0109", YamlPath, 3, 11, "generator", files);
        Assert.Equal("Block 'generator' (ollama) has no 'model_id_or_path'. Add 'model_id_or_path: <text>'.", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("temperature: hot", "temperature", "hot", "a number from 0 to 2", "'hot'")]
    [InlineData("temperature: 5", "temperature", "5", "a number from 0 to 2", "'5'")]
    [InlineData("max_tokens: 1.5", "max_tokens", "1.5", "a whole number", "'1.5'")]
    [InlineData("call_limit: [1, 2]", "call_limit", "[1, 2", "a whole number", "a list")]
    public void A_value_of_the_wrong_kind_is_reported_at_the_value(string option, string key, string value, string expected, string actual)
    {
        var (run, files) = Generate(Builder, Yaml.Replace("temperature: 0.5", option, StringComparison.Ordinal));

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0110", YamlPath, 6, key.Length + 7, value, files);
        Assert.Equal($"'{key}' of block 'generator' (ollama) must be {expected}, not {actual}.", diagnostic.GetMessage());
    }

    [Fact]
    public void Two_blocks_with_one_name_are_reported_at_the_second()
    {
        var yaml = Yaml + "  - name: generator\n    type: rouge_scorer\n";

        var (run, files) = Generate(Builder, yaml);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0111", YamlPath, 7, 11, "generator", files);
    }

    [Fact]
    public void A_block_type_without_the_block_constructor_is_reported_at_the_class()
    {
        const string source = """
            namespace Lib;

            public sealed record NoopOptions;

            [Dgt.BlockType("noop")]
            public sealed class Noop : Dgt.IBlock
            {
                public string Name => "noop";
            }
            """;

        var (run, files) = GenerateLibrary(source);

        var diagnostic = DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0009", "/lib/Blocks.cs", 6, 21, "Noop", files);
        Assert.Contains("needs a public constructor (TOptions options, global::Dgt.BlockContext context)", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void Two_block_types_with_one_name_are_reported_at_the_second()
    {
        const string source = """
            namespace Lib;

            public sealed record NoopOptions;

            [Dgt.BlockType("noop")]
            public sealed class A(NoopOptions options, Dgt.BlockContext context) : Dgt.IBlock
            {
                public string Name => context.Name + options;
            }

            [Dgt.BlockType("other", "noop")]
            public sealed class B(NoopOptions options, Dgt.BlockContext context) : Dgt.IBlock
            {
                public string Name => context.Name + options;
            }
            """;

        var (run, files) = GenerateLibrary(source);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0010", "/lib/Blocks.cs", 12, 21, "B", files);
        Assert.Empty(run.OutputErrors);
    }

    [Fact]
    public void An_options_property_of_an_unsupported_type_is_reported_at_the_property()
    {
        const string source = """
            namespace Lib;

            public sealed record NoopOptions
            {
                public TimeSpan Timeout { get; init; }
            }

            [Dgt.BlockType("noop")]
            public sealed class Noop(NoopOptions options, Dgt.BlockContext context) : Dgt.IBlock
            {
                public string Name => context.Name + options;
            }
            """;

        var (run, files) = GenerateLibrary(source);

        DiagnosticAssert.Single(run.GeneratorDiagnostics, "DGT0008", "/lib/Blocks.cs", 5, 21, "Timeout", files);
        Assert.Empty(run.OutputErrors);
    }

    private static (GeneratorRun Run, Dictionary<string, string> Files) Generate(
        string builder, string? yaml, params (string Path, string Text)[] moreYamls)
    {
        var yamls = (yaml is null ? [] : new[] { (YamlPath, yaml) }).Concat(moreYamls).ToList();
        var project = new TestProject
        {
            AssemblyName = "App",
            RootNamespace = "App",
            Sources = [("/project/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings), (BuilderPath, builder)],
            AdditionalTexts = [.. yamls.Select(y => new TestAdditionalText(y.Item1, y.Item2))],
            ExtraReferences = [Samples.BlockLibraryReference],
        };
        var files = yamls.ToDictionary(y => y.Item1, y => y.Item2);
        files[BuilderPath] = builder;
        return (GeneratorHarness.Run(project), files);
    }

    private static (GeneratorRun Run, Dictionary<string, string> Files) GenerateLibrary(string source)
    {
        var project = new TestProject
        {
            AssemblyName = "Lib",
            RootNamespace = "Lib",
            Sources = [("/lib/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings), ("/lib/Blocks.cs", source)],
        };
        return (GeneratorHarness.Run(project), new Dictionary<string, string> { ["/lib/Blocks.cs"] = source });
    }
}

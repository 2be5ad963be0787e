extern alias generator;

using System.CodeDom.Compiler;
using System.Reflection;
using System.Runtime.Loader;
using System.Text;
using System.Text.Json;
using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Generators.Tests.Infrastructure;
using Dgt.Runtime.Configuration;
using Dgt.Runtime.Startup;

namespace Dgt.Generators.Tests;

/// <summary>
/// The generated code compiled and run against real YAML read by the runtime's reader: the values that come out, the
/// errors and where they point, the JSON written.
/// </summary>
public sealed class CompileAndRunTests
{
    private static readonly string[] CommonKeys = ["name", "type", "input_map", "output_map"];

    private static readonly Lazy<Loaded> Geography = new(() => Load(Samples.GeographyProject()));

    private static readonly Lazy<Loaded> Rich = new(() => Load(new TestProject
    {
        AssemblyName = "Rich",
        RootNamespace = "App.Rich",
        Sources = [("/rich/GlobalUsings.g.cs", GeneratorHarness.ImplicitUsings), ("/rich/RichBuilder.cs", Repository.ReadSample("RichBuilder.cs"))],
        AdditionalTexts = [new TestAdditionalText("/rich/rich.yaml", "name: test/rich\nblocks:\n  - name: loudspeaker\n    type: shout\n    loud: true\n")],
        ExtraReferences = [Samples.BlockLibraryReference],
    }));

    [Fact]
    public void An_engine_block_is_built_from_its_yaml_options_with_defaults_kept_and_aliases_honoured()
    {
        var (map, problems) = Block("""
            name: qa
            blocks:
              - name: generator
                type: ollama
                model_id_or_path: mistral-small3.2
                temperature: 0.7
                max_new_tokens: 64
                stop: ["\n\n", "Question:"]
                input_map:
                  question: input
            """);

        var block = Registration(Geography.Value, "ollama").Create(map, Context());

        Assert.Empty(problems);
        var engine = Assert.IsAssignableFrom<LMProvider>(block);
        Assert.Equal("generator", engine.Name);
        Assert.Equal("mistral-small3.2", engine.ModelId);
        Assert.Equal(0.7, engine.Defaults.Temperature);
        Assert.Equal(64, engine.Defaults.MaxTokens);
        Assert.Equal(["\n\n", "Question:"], engine.Defaults.Stop);
        Assert.Equal(10, engine.CallLimit);
    }

    [Fact]
    public void A_wrongly_typed_option_is_reported_at_its_line_and_column_and_no_block_is_built()
    {
        var (blocks, problems) = Start(Geography.Value, """
            name: qa
            blocks:
              - name: generator
                type: ollama
                model_id_or_path: mistral
                temperature: hot
            """);

        Assert.Empty(blocks);
        var problem = Assert.Single(problems);
        Assert.Equal((6, 18), (problem.Span.Line, problem.Span.Column));
        Assert.Equal("'temperature' of block 'generator' (ollama) must be a number from 0 to 2, not 'hot'.", problem.Message);
    }

    [Fact]
    public void Every_error_of_a_block_is_reported_together()
    {
        var (blocks, problems) = Start(Geography.Value, """
            name: qa
            blocks:
              - name: generator
                type: ollama
                temprature: 0.5
                temperature: 3
                max_tokens: 1
                num_predict: 2
            """);

        Assert.Empty(blocks);
        Assert.Equal(
        [
            "builder.yaml:5:5: Unknown key 'temprature' in block 'generator' (ollama). Did you mean 'temperature'?",
            "builder.yaml:3:11: Block 'generator' (ollama) has no 'model_id_or_path'.",
            "builder.yaml:6:18: 'temperature' of block 'generator' (ollama) must be a number from 0 to 2, not '3'.",
            "builder.yaml:8:5: 'num_predict' and 'max_tokens' of block 'generator' (ollama) set the same option.",
        ],
        problems.Select(p => p.Span + ": " + p.Message));
    }

    [Fact]
    public void A_binder_given_options_that_were_not_checked_builds_no_block_from_what_it_could_not_read()
    {
        var (map, problems) = Block("name: qa\nblocks:\n  - name: generator\n    type: ollama\n    temperature: 0.5\n");

        var block = Registration(Geography.Value, "ollama").Create(map, Context());

        Assert.Null(block);
        Assert.Empty(problems);
    }

    [Fact]
    public void A_validator_block_binds_enums_lists_maps_and_ranges()
    {
        var (blocks, startProblems) = Start(Geography.Value, """
            name: qa
            blocks:
              - name: dedup
                type: rouge_scorer
                filter: true
                score_func: Very_Hard
                fallback: PRECISION
                rouge_types: [lcs, n_1]
                labels: {kept: yes}
                weight: 0.5
                max_rows: 7
            """);

        Assert.Single(startProblems);
        Assert.Equal("'score_func' of block 'dedup' (rouge_scorer) must be one of f1, precision, recall, longest_common_subsequence, not 'Very_Hard'.", startProblems[0].Message);
        Assert.Empty(blocks);

        var (map, problems) = Block(
            "name: qa\nblocks:\n  - name: dedup\n    type: rouge_scorer\n    filter: true\n    score_func: Longest_Common_Subsequence\n" +
            "    fallback: PRECISION\n    rouge_types: [lcs, n_1]\n    labels: {kept: 'yes'}\n    weight: 0.5\n    max_rows: 7\n");
        var block = Registration(Geography.Value, "rouge_scorer").Create(map, Context("dedup"));

        Assert.Empty(problems);
        var validator = Assert.IsAssignableFrom<IValidatorBlock>(block);
        Assert.True(validator.Filter);
        var options = Options(block!);
        Assert.Equal(1.1, options["Threshold"]);
        Assert.Equal("LongestCommonSubsequence", options["ScoreFunc"]!.ToString());
        Assert.Equal("Precision", options["Fallback"]!.ToString());
        Assert.Equal(["lcs", "n_1"], (string[])options["RougeTypes"]!);
        Assert.Equal("yes", ((IReadOnlyDictionary<string, string>)options["Labels"]!)["kept"]);
        Assert.Equal(0.5f, options["Weight"]);
        Assert.Equal(7L, options["MaxRows"]);
    }

    [Fact]
    public void The_registry_lists_the_geography_builder_with_its_embedded_yaml_and_the_referenced_block_types()
    {
        var registry = Geography.Value.Registry;

        Assert.Equal(["ollama", "rouge_scorer"], registry.BlockTypes.Select(b => b.TypeName));
        var registration = Assert.Single(registry.Builders);
        Assert.Equal("public/test/geography_qa", registration.Name);
        Assert.Equal("src/Builders/Public/Test/GeographyQa/geography_qa.yaml", registration.YamlPath);
        Assert.Equal(File.ReadAllText(Samples.GeographyYamlPath), registration.Yaml);
        Assert.Equal("GeographyQaData", registration.DataTypeName);
    }

    [Fact]
    public void A_geography_seed_row_is_read_and_written_back_as_snake_case_json()
    {
        var registration = Geography.Value.Registry.Builders.Single();
        var (map, problems) = Row("question: What is the capital of Australia?\nanswer: Canberra\n");

        var json = registration.Accept(new SeedRoundTrip(map, "public/test/geography_qa", "question"));

        Assert.Empty(problems);
        Assert.Equal(
            """{"task_name":"public/test/geography_qa","is_seed":false,"question":"What is the capital of Australia?","answer":"Canberra"} question=What is the capital of Australia?""",
            json);
    }

    [Fact]
    public void A_seed_row_that_does_not_fit_the_record_is_reported_at_its_keys()
    {
        var registration = Geography.Value.Registry.Builders.Single();
        var (map, problems) = Row("question: Where?\nanswr: There\n");

        var json = registration.Accept(new SeedRoundTrip(map, "t", "question"));

        Assert.Equal("(no row)", json);
        Assert.Equal(
        [
            "seeds.yaml:2:1: Unknown key 'answr' in seed row. Did you mean 'answer'?",
            "seeds.yaml:1:1: Seed row has no 'answer'.",
        ],
        problems.Select(p => p.Span + ": " + p.Message));
    }

    [Fact]
    public void An_empty_required_value_is_reported_even_after_another_error()
    {
        var registration = Geography.Value.Registry.Builders.Single();
        var (map, problems) = Row("colour: blue\nquestion:\nanswer: There\n");

        var json = registration.Accept(new SeedRoundTrip(map, "t", "question"));

        Assert.Equal("(no row)", json);
        Assert.Equal(
        [
            "seeds.yaml:1:1: Unknown key 'colour' in seed row.",
            "seeds.yaml:2:10: 'question' of seed row must be text.",
        ],
        problems.Select(p => p.Span + ": " + p.Message));
    }

    [Fact]
    public void A_required_value_of_the_wrong_kind_is_reported_once_where_it_is_written()
    {
        var registration = Geography.Value.Registry.Builders.Single();
        var (map, problems) = Row("question: [a, b]\nanswer: There\n");

        var json = registration.Accept(new SeedRoundTrip(map, "t", "question"));

        Assert.Equal("(no row)", json);
        Assert.Equal(["seeds.yaml:1:11: 'question' of seed row must be text, not a list."], problems.Select(p => p.Span + ": " + p.Message));
    }

    [Fact]
    public void The_builder_host_lists_its_block_slots_and_binds_its_fields()
    {
        var registration = Geography.Value.Registry.Builders.Single();
        var (map, _) = Block("name: qa\nblocks:\n  - name: generator\n    type: ollama\n    model_id_or_path: m\n");
        var engine = Registration(Geography.Value, "ollama").Create(map, Context())!;

        var builder = registration.Accept(new CreateBuilder());
        var host = Assert.IsAssignableFrom<IBlockHost>(builder);
        var slot = Assert.Single(host.BlockSlots);
        host.BindBlocks(new Resolver(engine));

        Assert.Equal(("generator", "generator", "Dgt.LMProvider"), (slot.BlockName, slot.FieldName, slot.FieldTypeName));
        Assert.True(slot.Accepts(engine));
        Assert.False(slot.Accepts(new Resolver(engine).Other));
        Assert.Same(engine, builder.GetType().GetField("generator", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(builder));
    }

    [Fact]
    public void A_builder_with_its_own_instantiate_input_example_reads_seeds_with_it()
    {
        var registration = Rich.Value.Registry.Builders.Single();
        var (map, problems) = Row("q: where is canberra?\n");

        var json = registration.Accept(new SeedRoundTrip(map, "rich", "question"));

        Assert.Empty(problems);
        Assert.StartsWith("""{"task_name":"rich","is_seed":true,"question":"WHERE IS CANBERRA?",""", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_with_its_own_block_types_lists_them_after_the_referenced_ones_and_binds_them_by_yaml_name()
    {
        var loaded = Rich.Value;
        var registration = loaded.Registry.Builders.Single();
        var (map, _) = Block(registration.Yaml);
        var shout = Registration(loaded, "shout").Create(map, Context("loudspeaker"))!;

        var builder = registration.Accept(new CreateBuilder());
        ((IBlockHost)builder).BindBlocks(new Resolver(shout));

        Assert.Equal(["ollama", "rouge_scorer", "shout"], loaded.Registry.BlockTypes.Select(b => b.TypeName));
        Assert.Equal("loudspeaker", ((IBlockHost)builder).BlockSlots.Single().BlockName);
        Assert.Same(shout, builder.GetType().GetProperty("Speaker")!.GetValue(builder));
        Assert.Equal(true, Options(shout)["Loud"]);
    }

    [Fact]
    public void Every_kind_of_row_field_is_read_and_written_with_nulls_as_json_null()
    {
        var registration = Rich.Value.Registry.Builders.Single();
        var (map, problems) = Row("""
            task_name: t
            is_seed: true
            question: Q
            score: 0.25
            attempts: 3
            checked: true
            difficulty: very_hard
            tags: [a, b]
            sources: s
            weight: 2.5
            """);

        var json = registration.Accept(new CodecRoundTrip(map, "default"));

        Assert.Empty(problems);
        Assert.Equal(
            """{"task_name":"t","is_seed":true,"question":"Q","score":0.25,"attempts":3,"tokens":null,"checked":true,"difficulty":"very_hard","tags":["a","b"],"sources":["s"],"meta":null,"weight":2.5} difficulty=very_hard""",
            json);
    }

    [Fact]
    public void A_block_library_and_the_program_using_it_each_keep_their_generated_types_in_their_own_namespace()
    {
        var loaded = Rich.Value;

        Assert.Equal(
            ["App.Rich.Generated.BlockCatalog", "App.Rich.Generated.BuilderYamls", "App.Rich.Generated.DgtRegistry", "App.Rich.Generated.RichRowCodec", "App.Rich.Generated.ShoutOptionsBinder"],
            GeneratedTypes(loaded.Program));
        Assert.Equal(
            ["Sample.Blocks.Generated.BlockCatalog", "Sample.Blocks.Generated.EchoEngineOptionsBinder", "Sample.Blocks.Generated.OverlapScorerOptionsBinder"],
            GeneratedTypes(loaded.Library));
        Assert.All(loaded.Program.GetTypes().Concat(loaded.Library.GetTypes()).Where(t => !t.IsNested && t.Namespace is not null),
            type => Assert.Equal(type.Namespace!.EndsWith(".Generated", StringComparison.Ordinal), type.GetCustomAttribute<GeneratedCodeAttribute>() is not null));
    }

    [Fact]
    public void Generated_code_is_marked_with_the_generator_and_its_version_and_a_builder_only_on_its_generated_members()
    {
        var version = typeof(generator::Dgt.Generators.DataBuilderGenerator).Assembly.GetName().Version!.ToString(3);
        var loaded = Rich.Value;
        var marks = loaded.Program.GetTypes().Concat(loaded.Library.GetTypes())
            .Select(t => t.GetCustomAttribute<GeneratedCodeAttribute>()).OfType<GeneratedCodeAttribute>().ToList();
        var builder = loaded.Program.GetType("App.Rich.RichBuilder")!;
        var members = builder.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.GetCustomAttribute<GeneratedCodeAttribute>() is not null).Select(m => m.Name).Order(StringComparer.Ordinal);

        Assert.Equal(8, marks.Count);
        Assert.All(marks, mark => Assert.Equal(("Dgt.Generators", version), (mark.Tool, mark.Version)));
        Assert.Null(builder.GetCustomAttribute<GeneratedCodeAttribute>());
        Assert.Equal(["ReadSeed", "global::Dgt.IBlockHost.BindBlocks", "global::Dgt.IBlockHost.BlockSlots"], members);
    }

    private static IEnumerable<string> GeneratedTypes(Assembly assembly) =>
        assembly.GetTypes().Where(t => !t.IsNested && t.GetCustomAttribute<GeneratedCodeAttribute>() is not null).Select(t => t.FullName!).Order(StringComparer.Ordinal);

    /// <summary>A builder YAML as start-up takes it: checked by the rules, its blocks built only when it passes them.</summary>
    private static (IReadOnlyList<IBlock> Blocks, List<ConfigProblem> Problems) Start(Loaded loaded, string yaml)
    {
        var problems = new List<ConfigProblem>();
        var root = YamlConfigReader.Read(yaml, "builder.yaml", problems)!;
        var blockTypes = loaded.Registry.BlockTypes;
        var definition = BuilderYamlCheck.Check(root, CatalogShapes.From(blockTypes), null, problems);
        var blocks = problems.Count == 0 ? BlockAssembler.Build(definition!, blockTypes, _ => null, new RunResources(), problems).All : [];
        return (blocks, problems);
    }

    private static (YamlConfigMap Map, List<ConfigProblem> Problems) Block(string yaml)
    {
        var problems = new List<ConfigProblem>();
        var root = (ConfigMapping)YamlConfigReader.Read(yaml, "builder.yaml", problems)!;
        Assert.True(root.TryGetValue("blocks", out var blocks));
        var block = (ConfigMapping)((ConfigSequence)blocks).Items[0];
        return (new YamlConfigMap(block, problems, "block '" + block.GetScalar("name") + "'", CommonKeys), problems);
    }

    private static (YamlConfigMap Map, List<ConfigProblem> Problems) Row(string yaml)
    {
        var problems = new List<ConfigProblem>();
        var row = (ConfigMapping)YamlConfigReader.Read(yaml, "seeds.yaml", problems)!;
        return (new YamlConfigMap(row, problems, "seed row"), problems);
    }

    private static BlockContext Context(string name = "generator") => new(name, "qa", _ => null);

    private static BlockTypeRegistration Registration(Loaded loaded, string typeName) =>
        loaded.Registry.BlockTypes.Single(b => b.TypeName == typeName);

    private static Dictionary<string, object?> Options(IBlock block)
    {
        var options = block.GetType().GetProperty("Options")!.GetValue(block)!;
        return options.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(options));
    }

    private static Loaded Load(TestProject project)
    {
        var run = GeneratorHarness.Run(project);
        Assert.Empty(run.GeneratorDiagnostics);
        var context = new ImageLoadContext();
        var library = context.Add(Samples.BlockLibraryImage);
        var program = context.Add(run.Emit());
        var registry = (IBuilderRegistry)program.GetType(project.RootNamespace + ".Generated.DgtRegistry")!.GetProperty("Instance")!.GetValue(null)!;
        return new Loaded(program, library, registry);
    }

    private sealed record Loaded(Assembly Program, Assembly Library, IBuilderRegistry Registry);

    /// <summary>Loads compiled images, resolving them for one another; Dgt itself comes from the test's own context.</summary>
    private sealed class ImageLoadContext() : AssemblyLoadContext(isCollectible: true)
    {
        private readonly Dictionary<string, Assembly> _loaded = new(StringComparer.Ordinal);

        public Assembly Add(byte[] image)
        {
            var assembly = LoadFromStream(new MemoryStream(image));
            _loaded[assembly.GetName().Name!] = assembly;
            return assembly;
        }

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _loaded.TryGetValue(assemblyName.Name!, out var assembly) ? assembly : null;
    }

    private sealed class Resolver(IBlock block) : IBlockResolver
    {
        public IBlock Other { get; } = new Unrelated();

        public IBlock Resolve(string name) => block;

        private sealed class Unrelated : IBlock
        {
            public string Name => "other";
        }
    }

    private sealed class CreateBuilder : IBuilderRegistrationVisitor<DataBuilder>
    {
        public DataBuilder VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
            where TData : DataPoint => registration.Create();
    }

    /// <summary>Reads a seed through the registration and writes it back, as the runtime will.</summary>
    private sealed class SeedRoundTrip(IConfigMap map, string taskName, string field) : IBuilderRegistrationVisitor<string>
    {
        public string VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
            where TData : DataPoint
        {
            var row = registration.ReadSeed(map, taskName);
            if (row is null)
            {
                return "(no row)";
            }

            Assert.True(registration.Codec.TryGetField(row, field, out var value));
            return Json(registration.Codec, row) + $" {field}={value}";
        }
    }

    private sealed class CodecRoundTrip(IConfigMap map, string taskName) : IBuilderRegistrationVisitor<string>
    {
        public string VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
            where TData : DataPoint
        {
            var row = registration.Codec.Read(map, taskName);
            Assert.NotNull(row);
            Assert.False(registration.Codec.TryGetField(row, "no_such_field", out _));
            Assert.True(registration.Codec.TryGetField(row, "difficulty", out var difficulty));
            return Json(registration.Codec, row) + $" difficulty={difficulty}";
        }
    }

    private static string Json<TData>(RowCodec<TData> codec, TData row)
        where TData : DataPoint
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            codec.Write(writer, row);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

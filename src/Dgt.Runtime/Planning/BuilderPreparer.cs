using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Building;
using Dgt.Runtime.Generation;
using Dgt.Runtime.Tasks;

namespace Dgt.Runtime.Planning;

/// <summary>
/// Checks and prepares one builder for its tasks: parses its YAML, builds its blocks, binds its <c>[Block]</c> fields,
/// wires its postprocessors and instantiates every task's seeds. Everything that can go wrong is reported here.
/// </summary>
public sealed class BuilderPreparer(
    BuilderSource source,
    ConfigMapping? builderOverride,
    IReadOnlyList<TaskDefinition> tasks,
    IReadOnlyList<BlockTypeRegistration> blockTypes,
    Func<string, string?> environment,
    List<ConfigProblem> problems) : IBuilderRegistrationVisitor<IPreparedBuilder?>
{
    public IPreparedBuilder? VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
        where TData : DataPoint
    {
        ArgumentNullException.ThrowIfNull(registration);
        var before = problems.Count;
        var root = YamlConfigReader.Read(source.Text, source.Path, problems);
        if (root is not null && builderOverride is not null)
        {
            root = ConfigMerge.Deep(root, builderOverride);
        }

        var definition = root is null ? null : BuilderYamlReader.Read(root, source.Path, problems);
        if (definition is null)
        {
            return null;
        }

        if (definition.Name != registration.Name)
        {
            var at = definition.Source.TryGetValue("name", out var nameNode) ? nameNode.Span : definition.Source.Span;
            problems.Add(new ConfigProblem(at, $"This builder YAML is named '{definition.Name}', but it was loaded for builder '{registration.Name}'.", $"Set 'name: {registration.Name}'."));
        }

        var blocks = BlockAssembler.Build(definition, blockTypes, environment, problems);
        var builder = registration.Create();
        if (builder is not IBlockHost host)
        {
            throw new InvalidOperationException($"Builder '{registration.Name}' has no generated block binding; is the class partial?");
        }

        BlockAssembler.CheckSlots(host, definition, blocks, problems);
        BlockMapCheck.CheckRowFields(definition, registration.Codec.FieldNames, problems);
        BlockMapCheck.CheckOutputFields(definition, blockTypes, problems);
        var postprocessors = WirePostprocessors(definition, blocks, registration.Codec);
        var seeds = tasks.Select(task => (Task: task, Seeds: ReadSeeds(task, registration))).ToList();
        if (problems.Count > before)
        {
            return null;
        }

        foreach (var task in tasks)
        {
            CheckResumable(task, definition);
        }

        if (problems.Count > before)
        {
            return null;
        }

        host.BindBlocks(blocks);
        var pipeline = new PostprocessingPipeline<TData>(postprocessors, registration.Codec);
        return new PreparedBuilder<TData>(registration, builder, definition, blocks, pipeline, seeds);
    }

    private List<Postprocessor> WirePostprocessors<TData>(BuilderDefinition definition, BlockSet blocks, RowCodec<TData> codec)
        where TData : DataPoint
    {
        var postprocessors = new List<Postprocessor>();
        foreach (var entry in definition.Postprocessors)
        {
            if (!blocks.TryGet(entry.BlockName, out var block, out var declaration))
            {
                continue;
            }

            if (block is not IValidatorBlock validator)
            {
                problems.Add(new ConfigProblem(entry.Span, $"Postprocessor '{entry.BlockName}' is a '{declaration.Type}' block, which cannot judge rows.", "Use a validator block (such as rouge_scorer) as a postprocessor."));
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var blockField in validator.InputFields)
            {
                fields[blockField] = blockField;
            }

            var mapSpan = declaration.Source.TryGetValue("input_map", out var mapNode) ? mapNode.Span : declaration.Source.Span;
            var mapIsSound = true;
            foreach (var (rowField, blockField) in declaration.InputMap)
            {
                mapIsSound &= validator.InputFields.Contains(blockField) && codec.FieldNames.Contains(rowField);
                if (!validator.InputFields.Contains(blockField))
                {
                    var at = mapNode is ConfigMapping map && map.TryGetValue(rowField, out var target) ? target.Span : mapSpan;
                    problems.Add(new ConfigProblem(at, $"input_map of block '{declaration.Name}' feeds '{blockField}', which the block does not read.{Suggestions.DidYouMean(blockField, validator.InputFields)}", "Block fields: " + string.Join(", ", validator.InputFields) + "."));
                }
                else if (codec.FieldNames.Contains(rowField))
                {
                    // An unknown row field is reported for every block by BlockMapCheck.
                    fields[blockField] = rowField;
                }
            }

            // After a wrong input_map entry the author's intent is unknown, and that entry's report says enough.
            foreach (var (blockField, rowField) in fields.Where(f => mapIsSound && !codec.FieldNames.Contains(f.Value)).ToList())
            {
                problems.Add(new ConfigProblem(declaration.Source.Span, $"Block '{declaration.Name}' reads '{blockField}', but the rows have no field '{rowField}'.", $"Add 'input_map: {{<row field>: {blockField}}}' to the block."));
            }

            postprocessors.Add(new Postprocessor(validator, fields));
        }

        return postprocessors;
    }

    private void CheckResumable(TaskDefinition task, BuilderDefinition definition)
    {
        if (task.Runner.RestartGeneration || TaskNames.Problem(task.Name) is not null)
        {
            return;
        }

        var layout = new Storage.TaskOutputLayout(Storage.TaskOutputLayout.ResolveRoot(task.Runner.OutputDir, environment), task.Name);
        var recorded = TaskFingerprint.Recorded(layout.TaskCard);
        if (recorded is not null && File.Exists(layout.Data) && recorded != TaskFingerprint.Compute(task, definition))
        {
            problems.Add(new ConfigProblem(SourceSpan.StartOf(task.FilePath),
                $"Task '{task.Name}' has earlier output in {layout.Directory} made with a different task or builder configuration; resuming would mix the two.",
                "Run with --restart-generation to start the task over, or restore the configuration of the earlier run."));
        }
    }

    private List<TData> ReadSeeds<TData>(TaskDefinition task, GenerationBuilderRegistration<TData> registration)
        where TData : DataPoint
    {
        var seeds = new List<TData>();
        foreach (var mapping in SeedSource.Read(task, environment, problems))
        {
            var row = registration.ReadSeed(new YamlConfigMap(mapping, problems, "a seed example"), task.Name);
            if (row is not null)
            {
                seeds.Add(row with { IsSeed = true });
            }
        }

        return seeds;
    }
}

using Dgt.Configuration;
using Dgt.Configuration.Schema;
using Dgt.Runtime.Configuration;
using Dgt.Runtime.Run;
using Dgt.Runtime.Storage;

namespace Dgt.Runtime.Startup;

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
    RunResources resources,
    List<ConfigProblem> problems) : IBuilderRegistrationVisitor<IPreparedBuilder?>
{
    public IPreparedBuilder? VisitGeneration<TData>(GenerationBuilderRegistration<TData> registration)
        where TData : DataPoint
    {
        ArgumentNullException.ThrowIfNull(registration);
        var before = problems.Count;
        var root = YamlConfigReader.Read(source.Text, source.Path, problems);
        var addedBlocks = new List<AddedBlock>();
        if (root is not null && builderOverride is not null)
        {
            root = ConfigMerge.Deep(root, CheckOverriddenBlocks(root, builderOverride, registration.Name, addedBlocks));
        }

        var builder = registration.Create();
        if (builder is not IBlockHost host)
        {
            throw new InvalidOperationException($"Builder '{registration.Name}' has no generated block binding; is the class partial?");
        }

        var rules = problems.Count;
        var shape = CatalogShapes.From(host, registration.Codec.RecordName, registration.Codec.FieldNames);
        var definition = root is null ? null : BuilderYamlCheck.Check(root, CatalogShapes.From(blockTypes), shape, problems);
        if (definition is null)
        {
            return null;
        }

        if (definition.Name != registration.Name)
        {
            var at = definition.Source.TryGetValue("name", out var nameNode) ? nameNode.Span : definition.Source.Span;
            problems.Add(new ConfigProblem(at, $"This builder YAML is named '{definition.Name}', but it was loaded for builder '{registration.Name}'.", $"Set 'name: {registration.Name}'."));
        }

        // Blocks are built only from a YAML that passed its rules; seeds are read either way, so every error is listed at once.
        var blocks = problems.Count == rules ? BlockAssembler.Build(definition, blockTypes, environment, resources, problems) : new BlockSet();
        var postprocessors = WirePostprocessors(definition, blocks);
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
        return new PreparedBuilder<TData>(registration, builder, definition, blocks, pipeline, seeds, addedBlocks);
    }

    /// <summary>
    /// A block of a <c>--config-path</c> override is merged onto the block of the same name; one that names no block of
    /// the builder would silently add a block and leave the intended one unchanged, so it must say it adds one: with
    /// its own <c>type:</c>, and such a block is listed in <paramref name="added"/> (the run reports it). Returns the
    /// override without the blocks it reported, so they are not reported again as blocks without a type.
    /// </summary>
    private ConfigMapping CheckOverriddenBlocks(ConfigNode root, ConfigMapping builderOverride, string builderName, List<AddedBlock> added)
    {
        if (root is not ConfigMapping builderYaml || !builderOverride.TryGetEntry("blocks", out var overrideEntry) || overrideEntry.Value is not ConfigSequence list)
        {
            return builderOverride;
        }

        var names = builderYaml.TryGetValue("blocks", out var blocks) && blocks is ConfigSequence declared
            ? declared.Items.OfType<ConfigMapping>().Select(b => b.GetScalar("name")).OfType<string>().ToList()
            : [];
        var kept = new List<ConfigNode>();
        foreach (var item in list.Items)
        {
            if (item is ConfigMapping entry && entry.TryGetValue("name", out var nameNode) && nameNode is ConfigScalar { IsNull: false } name &&
                !names.Contains(name.Value, StringComparer.Ordinal) && !entry.TryGetValue("type", out _))
            {
                problems.Add(new ConfigProblem(name.Span,
                    $"This override names block '{name.Value}', which builder '{builderName}' does not have.{Suggestions.DidYouMean(name.Value, names)}",
                    "Fix the name to change a block of the builder (blocks: " + string.Join(", ", names) + "), or give it a 'type:' to add a new block."));
                continue;
            }

            if (item is ConfigMapping newBlock && newBlock.GetScalar("name") is { } newName && !names.Contains(newName, StringComparer.Ordinal) &&
                newBlock.GetScalar("type") is { } type)
            {
                added.Add(new AddedBlock(newName, type, newBlock.Span));
            }

            kept.Add(item);
        }

        var blocksEntry = new ConfigEntry(overrideEntry.Key, new ConfigSequence(kept, list.Span));
        return new ConfigMapping([.. builderOverride.Entries.Select(e => e.Key.Value == "blocks" ? blocksEntry : e)], builderOverride.Span);
    }

    /// <summary>Each postprocessor's validator with the row field each of its input fields reads (its rules were checked).</summary>
    private static List<Postprocessor> WirePostprocessors(BuilderDefinition definition, BlockSet blocks)
    {
        var postprocessors = new List<Postprocessor>();
        foreach (var entry in definition.Postprocessors)
        {
            if (!blocks.TryGet(entry.BlockName, out var block, out var declaration) || block is not IValidatorBlock validator)
            {
                continue;
            }

            var fields = validator.InputFields.ToDictionary(f => f, f => f, StringComparer.Ordinal);
            foreach (var (rowField, blockField) in declaration.InputMap)
            {
                fields[blockField] = rowField;
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

        var layout = TaskOutputLayout.Of(task, environment);
        var earlier = EarlierRun.Inspect(layout);
        if (earlier.Damage is { } damage)
        {
            problems.Add(new ConfigProblem(SourceSpan.StartOf(task.FilePath),
                $"Task '{task.Name}' has earlier output in {layout.Directory} that cannot be resumed safely: {damage}.",
                "Run with --restart-generation to start the task over (its files are replaced), or restore the damaged file."));
        }
        else if (earlier.Fingerprint is { } recorded && recorded != TaskFingerprint.Compute(task, definition))
        {
            problems.Add(new ConfigProblem(SourceSpan.StartOf(task.FilePath),
                $"Task '{task.Name}' has earlier output in {layout.Directory} made with a different task or builder configuration; resuming would mix the two.",
                "Run with --restart-generation to start the task over, or restore the configuration of the earlier run."));
        }
    }

    private List<TData> ReadSeeds<TData>(TaskDefinition task, GenerationBuilderRegistration<TData> registration)
        where TData : DataPoint
    {
        // Seeds are checked against the record's fields by the rule the build applies to seed examples, then converted;
        // a builder that reads its own seeds judges them itself.
        var fields = registration.HasOwnSeedReader ? null : CatalogShapes.From(registration.Codec.Fields);
        var seeds = new List<TData>();
        var number = 0;
        foreach (var mapping in SeedSource.Read(task, environment, problems))
        {
            number++;
            if (fields is not null)
            {
                var before = problems.Count;
                SeedRowCheck.Check(mapping, number, task.Name, registration.Codec.RecordName, fields, problems);
                if (problems.Count > before)
                {
                    continue;
                }
            }

            var row = registration.ReadSeed(new YamlConfigMap(mapping, problems, "a seed example"), task.Name);
            if (row is not null)
            {
                seeds.Add(row with { IsSeed = true });
            }
        }

        return seeds;
    }
}

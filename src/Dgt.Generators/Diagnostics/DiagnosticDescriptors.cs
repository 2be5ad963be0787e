using System.Collections.Generic;
using System.Linq;
using Dgt.Configuration.Schema;
using Microsoft.CodeAnalysis;

namespace Dgt.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable: never renumber or reuse one (see AnalyzerReleases.*.md).
/// DGT00xx point into C#, DGT01xx into builder YAMLs, DGT02xx into task YAMLs, DGT9999 is the generator's own failure.
/// The C#-only rules (DGT0001, DGT0002, DGT0005, DGT0012) are reported by analyzers, the rest by the generator.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Dgt";

    public static readonly DiagnosticDescriptor BuilderNotPartial = Error(
        "DGT0001",
        "Builder class must be partial",
        "'{0}' must be declared partial so the generator can add its block binding; add the 'partial' modifier{1}");

    public static readonly DiagnosticDescriptor BuilderWithoutBase = Error(
        "DGT0002",
        "Builder class has no generation base",
        "'{0}' must derive from GenerationDataBuilder<TData>, where TData is its row record");

    public static readonly DiagnosticDescriptor BuilderWithoutYaml = Error(
        "DGT0003",
        "Builder has no builder YAML",
        "No builder YAML has 'name: {0}'; add one beside the class (with DgtKind=\"builder\" in the project's AdditionalFiles) or fix the name");

    public static readonly DiagnosticDescriptor DuplicateBuilderName = Error(
        "DGT0004",
        "Two builders share a name",
        "The builder name '{0}' is also used by '{1}'; give each builder its own name");

    public static readonly DiagnosticDescriptor UnsupportedBlockField = Error(
        "DGT0005",
        "Unsupported [Block] field",
        "[Block] field '{0}' {1}");

    public static readonly DiagnosticDescriptor BuilderNotConstructible = Error(
        "DGT0006",
        "Builder cannot be created",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor InvalidSeedReader = Error(
        "DGT0007",
        "InstantiateInputExample has the wrong signature",
        "'{0}.InstantiateInputExample' must be declared 'static {1}? InstantiateInputExample(global::Dgt.Configuration.IConfigMap row, string taskName)' to replace the generated seed reading");

    public static readonly DiagnosticDescriptor UnsupportedPropertyType = Error(
        "DGT0008",
        "Unsupported property type",
        "Property '{0}' of '{1}' has type '{2}', which cannot be read from YAML; use string, bool, int, long, double, float, their nullable forms, IReadOnlyList<string>, string[], IReadOnlyDictionary<string, string> or an enum");

    public static readonly DiagnosticDescriptor InvalidBlockType = Error(
        "DGT0009",
        "Block type cannot be built",
        "Block type '{0}' {1}");

    public static readonly DiagnosticDescriptor DuplicateBlockTypeName = Error(
        "DGT0010",
        "Two block types share a type name",
        "The block type name '{0}' is used by both '{1}' and '{2}'; rename one of them");

    public static readonly DiagnosticDescriptor InvalidRecord = Error(
        "DGT0011",
        "Record cannot be built from YAML",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor RecordNotDataPoint = Error(
        "DGT0012",
        "Row record does not derive from DataPoint",
        "'{0}' is the row record of '{1}' but does not derive from global::Dgt.DataPoint; declare it as 'public sealed record {0} : DataPoint'");

    public static readonly DiagnosticDescriptor BlockLibraryWithoutCatalog = new(
        "DGT0013",
        "Referenced block types are not registered",
        "The referenced assembly '{0}' defines block types ({1}) but carries no [assembly: BlockLibrary]; build it with the Dgt generator as an analyzer, or its blocks cannot be used in builder YAMLs",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidYaml = Rule(
        DiagnosticIds.InvalidBuilderYaml,
        "Invalid builder YAML");

    public static readonly DiagnosticDescriptor YamlWithoutName = Rule(
        DiagnosticIds.BuilderYamlWithoutName,
        "Builder YAML has no name");

    public static readonly DiagnosticDescriptor YamlWithoutBuilder = Error(
        "DGT0102",
        "Builder YAML names no builder",
        "No [DataBuilder(\"{0}\")] class exists for this builder YAML.{1} Known builders: {2}.");

    public static readonly DiagnosticDescriptor DuplicateYamlName = Error(
        "DGT0103",
        "Two builder YAMLs share a name",
        "The builder YAML '{1}' also has 'name: {0}'; keep one builder YAML per builder");

    public static readonly DiagnosticDescriptor BlockFieldWithoutYaml = Rule(
        DiagnosticIds.BlockFieldWithoutBlock,
        "[Block] field has no YAML block");

    public static readonly DiagnosticDescriptor MalformedBlock = Rule(
        DiagnosticIds.MalformedBlock,
        "Malformed block entry");

    public static readonly DiagnosticDescriptor UnknownBlockType = Rule(
        DiagnosticIds.UnknownBlockType,
        "Unknown block type");

    public static readonly DiagnosticDescriptor BlockTypeNotAssignable = Rule(
        DiagnosticIds.BlockTypeDoesNotFit,
        "Block type does not fit its field");

    public static readonly DiagnosticDescriptor UnknownOption = Rule(
        DiagnosticIds.UnknownOption,
        "Unknown block option");

    public static readonly DiagnosticDescriptor MissingOption = Rule(
        DiagnosticIds.MissingOption,
        "Required block option missing");

    public static readonly DiagnosticDescriptor WrongOptionValue = Rule(
        DiagnosticIds.WrongOptionValue,
        "Block option has the wrong kind of value");

    public static readonly DiagnosticDescriptor DuplicateYamlBlock = Rule(
        DiagnosticIds.DuplicateBlock,
        "Two blocks share a name");

    public static readonly DiagnosticDescriptor UnknownMapField = Rule(
        DiagnosticIds.UnknownMapField,
        "Block map names an unknown field");

    public static readonly DiagnosticDescriptor PostprocessorWithoutBlock = Rule(
        DiagnosticIds.PostprocessorWithoutBlock,
        "Postprocessor names no block");

    public static readonly DiagnosticDescriptor PostprocessorNotValidator = Rule(
        DiagnosticIds.PostprocessorNotValidator,
        "Postprocessor is not a validator");

    public static readonly DiagnosticDescriptor MalformedPostprocessor = Rule(
        DiagnosticIds.MalformedPostprocessor,
        "Malformed postprocessor entry");

    public static readonly DiagnosticDescriptor InvalidTaskYaml = Rule(
        DiagnosticIds.InvalidTaskYaml,
        "Invalid task YAML");

    public static readonly DiagnosticDescriptor OptionSetTwice = Rule(
        DiagnosticIds.OptionSetTwice,
        "One option set by two spellings");

    public static readonly DiagnosticDescriptor UnknownBuilderYamlKey = Rule(
        DiagnosticIds.UnknownBuilderYamlKey,
        "Unknown key in a builder YAML");

    public static readonly DiagnosticDescriptor TaskWithoutBuilder = Rule(
        DiagnosticIds.TaskWithoutBuilder,
        "Task names no builder");

    public static readonly DiagnosticDescriptor SeedMissingProperty = Rule(
        DiagnosticIds.SeedMissingField,
        "Seed example misses a required field");

    public static readonly DiagnosticDescriptor SeedUnknownKey = Rule(
        DiagnosticIds.SeedUnknownKey,
        "Seed example has an unknown key");

    public static readonly DiagnosticDescriptor SeedWrongValue = Rule(
        DiagnosticIds.SeedWrongValue,
        "Seed value does not fit its field");

    public static readonly DiagnosticDescriptor SeedOfAnotherTask = Rule(
        DiagnosticIds.SeedOfAnotherTask,
        "Seed example names another task");

    public static readonly DiagnosticDescriptor InternalError = Error(
        "DGT9999",
        "Generator failure",
        "The Dgt generator failed while {0}: {1}. The generated code may be incomplete; please report this with the input that caused it");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = new[]
    {
        BuilderNotPartial, BuilderWithoutBase, BuilderWithoutYaml, DuplicateBuilderName, UnsupportedBlockField,
        BuilderNotConstructible, InvalidSeedReader, UnsupportedPropertyType, InvalidBlockType, DuplicateBlockTypeName,
        InvalidRecord, InvalidYaml, YamlWithoutName, YamlWithoutBuilder, DuplicateYamlName, BlockFieldWithoutYaml,
        MalformedBlock, UnknownBlockType, BlockTypeNotAssignable, UnknownOption, MissingOption, WrongOptionValue,
        DuplicateYamlBlock, RecordNotDataPoint, BlockLibraryWithoutCatalog, UnknownMapField, PostprocessorWithoutBlock,
        PostprocessorNotValidator, MalformedPostprocessor, InvalidTaskYaml, TaskWithoutBuilder, SeedMissingProperty,
        SeedUnknownKey, SeedWrongValue, SeedOfAnotherTask, OptionSetTwice, UnknownBuilderYamlKey, InternalError,
    }.ToDictionary(descriptor => descriptor.Id);

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    public static DiagnosticDescriptor Find(string id) => ById[id];

    /// <summary>
    /// A rule of the shared configuration schema (src/Dgt.Configuration/Schema): its words live there, with the rule,
    /// so the build's diagnostic and start-up's error read the same; the diagnostic carries them whole.
    /// </summary>
    private static DiagnosticDescriptor Rule(string id, string title) =>
        new(id, title, "{0}", Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}

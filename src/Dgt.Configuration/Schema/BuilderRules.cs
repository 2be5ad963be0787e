namespace Dgt.Configuration.Schema;

/// <summary>The rules of a builder YAML (<c>name</c>, <c>blocks</c>, <c>postprocessors</c>), with their words.</summary>
public static class BuilderRules
{
    public static readonly ConfigRule NotAMapping = new(DiagnosticIds.InvalidBuilderYaml,
        "A builder YAML must be a mapping with 'name:' and 'blocks:', not {0}.");

    public static readonly ConfigRule UnknownTopLevelKey = new(DiagnosticIds.UnknownBuilderYamlKey,
        "Unknown key '{0}' in the builder YAML.{1}", "Valid keys: {2}.");

    public static readonly ConfigRule NoName = new(DiagnosticIds.BuilderYamlWithoutName,
        "The builder YAML has no 'name:'.", "Add 'name: <the name in [DataBuilder(…)]>'.");

    public static readonly ConfigRule BlocksNotAList = new(DiagnosticIds.MalformedBlock,
        "'blocks:' must be a list of blocks ('- name: …' entries), not {0}.");

    public static readonly ConfigRule BlockNotAMapping = new(DiagnosticIds.MalformedBlock,
        "Each entry of 'blocks:' must be a mapping with 'name:' and 'type:', not {0}.");

    public static readonly ConfigRule BlockWithoutName = new(DiagnosticIds.MalformedBlock,
        "This block has no 'name:'.", "Add 'name: <field name>' so that the builder can refer to it.");

    public static readonly ConfigRule BlockWithoutType = new(DiagnosticIds.MalformedBlock,
        "Block '{0}' has no 'type:'.", "Add 'type: <block type>', e.g. 'type: ollama'.");

    public static readonly ConfigRule DuplicateBlock = new(DiagnosticIds.DuplicateBlock,
        "Two blocks are named '{0}'.", "Give each block its own name.");

    public static readonly ConfigRule UnknownBlockType = new(DiagnosticIds.UnknownBlockType,
        "Block '{0}' has unknown type '{1}'.{2}", "Known types: {3}.");

    public static readonly ConfigRule FieldWithoutBlock = new(DiagnosticIds.BlockFieldWithoutBlock,
        "The builder's field '{0}' ({1}) has no block named '{2}'.{3}", "Add '- name: {2}' with its 'type:' to 'blocks:'.");

    public static readonly ConfigRule BlockTypeDoesNotFit = new(DiagnosticIds.BlockTypeDoesNotFit,
        "Block '{0}' has type '{1}' ({2}), which does not fit the field '{3}' ({4}).", "Choose a type that is a {4}.");

    public static readonly ConfigRule PostprocessorsNotAList = new(DiagnosticIds.MalformedPostprocessor,
        "'postprocessors:' must be a list of '- name: <block name>' entries, not {0}.");

    public static readonly ConfigRule PostprocessorWithoutName = new(DiagnosticIds.MalformedPostprocessor,
        "A postprocessor needs 'name: <block name>' naming one of the blocks.");

    public static readonly ConfigRule UnknownPostprocessorKey = new(DiagnosticIds.MalformedPostprocessor,
        "Unknown key '{0}' in postprocessor '{1}'.", "A postprocessor takes only 'name:'; set the block's options under 'blocks:'.");

    public static readonly ConfigRule PostprocessorWithoutBlock = new(DiagnosticIds.PostprocessorWithoutBlock,
        "Postprocessor '{0}' names no block.{1}", "Declare it under 'blocks:' or fix the name; blocks: {2}.");

    public static readonly ConfigRule PostprocessorNotValidator = new(DiagnosticIds.PostprocessorNotValidator,
        "Postprocessor '{0}' is a '{1}' block ({2}), which cannot judge rows.", "Use a validator block such as rouge_scorer.");
}

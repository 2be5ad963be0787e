namespace Dgt.Configuration.Schema;

/// <summary>The rules of a block's options and maps, with their words.</summary>
public static class OptionRules
{
    public static readonly ConfigRule UnknownOption = new(DiagnosticIds.UnknownOption,
        "Unknown key '{0}' in block '{1}' ({2}).{3}", "Valid keys: {4}.");

    public static readonly ConfigRule MissingOption = new(DiagnosticIds.MissingOption,
        "Block '{0}' ({1}) has no '{2}'.", "Add '{2}: <{3}>'.");

    public static readonly ConfigRule WrongValue = new(DiagnosticIds.WrongOptionValue,
        "'{0}' of block '{1}' ({2}) must be {3}, not {4}.");

    public static readonly ConfigRule SetTwice = new(DiagnosticIds.OptionSetTwice,
        "'{0}' and '{1}' of block '{2}' ({3}) set the same option.", "Keep only '{4}'.");

    public static readonly ConfigRule UnreadBlockField = new(DiagnosticIds.UnknownMapField,
        "input_map of block '{0}' feeds '{1}', which a '{2}' block does not read.{3}", "Block fields: {4}.");

    public static readonly ConfigRule UnwrittenBlockField = new(DiagnosticIds.UnknownMapField,
        "output_map of block '{0}' takes '{1}', which a '{2}' block does not write.{3}", "Fields it writes: {4}.");

    public static readonly ConfigRule UnknownInputRowField = new(DiagnosticIds.UnknownMapField,
        "input_map of block '{0}' reads row field '{1}', which {2} does not have.{3}", "Row fields: {4}.");

    public static readonly ConfigRule UnknownOutputRowField = new(DiagnosticIds.UnknownMapField,
        "output_map of block '{0}' writes row field '{1}', which {2} does not have.{3}", "Row fields: {4}.");

    public static readonly ConfigRule UnmappedInputMissing = new(DiagnosticIds.UnknownMapField,
        "Block '{0}' reads '{1}', but {2} has no field '{1}'.", "Add 'input_map: {{<row field>: {1}}}' to the block.");
}

namespace Dgt.Configuration.Schema;

/// <summary>
/// The DGT IDs of the configuration rules, constants so the generator's diagnostic catalog can name them. Stable:
/// never renumber or reuse one. DGT01xx point into builder YAMLs, DGT02xx into task YAMLs.
/// </summary>
public static class DiagnosticIds
{
    public const string InvalidBuilderYaml = "DGT0100";
    public const string BuilderYamlWithoutName = "DGT0101";
    public const string BlockFieldWithoutBlock = "DGT0104";
    public const string MalformedBlock = "DGT0105";
    public const string UnknownBlockType = "DGT0106";
    public const string BlockTypeDoesNotFit = "DGT0107";
    public const string UnknownOption = "DGT0108";
    public const string MissingOption = "DGT0109";
    public const string WrongOptionValue = "DGT0110";
    public const string DuplicateBlock = "DGT0111";
    public const string UnknownMapField = "DGT0112";
    public const string PostprocessorWithoutBlock = "DGT0113";
    public const string PostprocessorNotValidator = "DGT0114";
    public const string MalformedPostprocessor = "DGT0115";
    public const string OptionSetTwice = "DGT0116";
    public const string UnknownBuilderYamlKey = "DGT0117";
    public const string InvalidTaskYaml = "DGT0200";
    public const string TaskWithoutBuilder = "DGT0201";
    public const string SeedMissingField = "DGT0202";
    public const string SeedUnknownKey = "DGT0203";
    public const string SeedWrongValue = "DGT0204";
    public const string SeedOfAnotherTask = "DGT0205";
}

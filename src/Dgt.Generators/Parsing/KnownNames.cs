namespace Dgt.Generators.Parsing;

/// <summary>The metadata names of the Dgt types the generator recognises.</summary>
internal static class KnownNames
{
    public const string DataBuilderAttribute = "Dgt.DataBuilderAttribute";
    public const string BlockTypeAttribute = "Dgt.BlockTypeAttribute";
    public const string BlockAttribute = "Dgt.BlockAttribute";
    public const string BlockFieldsAttribute = "Dgt.BlockFieldsAttribute";
    public const string ValidatorBlock = "Dgt.IValidatorBlock";
    public const string BlockLibraryAttribute = "Dgt.BlockLibraryAttribute";
    public const string ConfigKeyAttribute = "Dgt.ConfigKeyAttribute";
    public const string ConfigRangeAttribute = "Dgt.ConfigRangeAttribute";
    public const string GenerationDataBuilder = "Dgt.GenerationDataBuilder`1";
    public const string DataPoint = "Dgt.DataPoint";
    public const string BlockContext = "Dgt.BlockContext";
    public const string Block = "Dgt.IBlock";
    public const string ConfigMap = "Dgt.Configuration.IConfigMap";
    public const string SeedReaderMethod = "InstantiateInputExample";
}

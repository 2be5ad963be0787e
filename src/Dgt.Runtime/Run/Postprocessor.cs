namespace Dgt.Runtime.Run;

/// <summary>A validator block run over all of a task's rows, with the row fields it reads.</summary>
public sealed record Postprocessor(IValidatorBlock Block, IReadOnlyDictionary<string, string> BlockFieldToRowField);

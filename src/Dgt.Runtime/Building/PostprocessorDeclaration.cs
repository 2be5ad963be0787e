using Dgt.Configuration;

namespace Dgt.Runtime.Building;

/// <summary>One entry of a builder YAML's <c>postprocessors:</c> list: the block to run over all of a task's rows.</summary>
public sealed record PostprocessorDeclaration(string BlockName, SourceSpan Span);

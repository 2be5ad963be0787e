using Microsoft.CodeAnalysis;

namespace Dgt.Generators;

/// <summary>Wires the pipeline: builders, block types and YAML files in; registry, bindings and codecs out.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class DataBuilderGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}

using System.Collections.Generic;
using System.Linq;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes the creation and return of a record from the values read: required ones in the initializer, optional ones
/// through <c>with</c> only when present, so that the record's own defaults stay when a key is absent.
/// </summary>
internal static class RecordConstructionEmitter
{
    public static void EmitReturn(
        SourceWriter writer,
        string variable,
        string typeName,
        IReadOnlyList<PropertyReadEmitter.ReadProperty> reads,
        IEnumerable<string> extraInitializers)
    {
        var initializers = extraInitializers
            .Concat(reads.Where(r => r.Property.IsRequired).Select(PropertyReadEmitter.RequiredAssignment))
            .ToList();
        var optional = reads.Where(r => !r.Property.IsRequired).ToList();
        var creation = optional.Count == 0 ? "return new " + typeName : $"var {variable} = new {typeName}";
        if (initializers.Count == 0)
        {
            writer.Line(creation + "();");
        }
        else
        {
            using (writer.Block(creation, "};"))
            {
                foreach (var initializer in initializers)
                {
                    writer.Line(initializer);
                }
            }
        }

        if (optional.Count == 0)
        {
            return;
        }

        foreach (var read in optional)
        {
            writer.Line();
            using (writer.Block($"if ({read.Local} is not null)"))
            {
                writer.Line($"{variable} = {variable} with {{ {read.Property.Name} = {PropertyReadEmitter.OptionalValue(read)} }};");
            }
        }

        writer.Line();
        writer.Line($"return {variable};");
    }
}

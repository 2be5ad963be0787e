using System.Collections.Generic;
using System.Linq;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes the creation of a record from the values read: required ones in the initializer, optional ones through
/// <c>with</c> only when present, so that the record's own defaults stay when a key is absent.
/// </summary>
internal static class RecordConstructionEmitter
{
    public static void Emit(
        SourceWriter writer,
        string variable,
        string typeName,
        IReadOnlyList<PropertyReadEmitter.ReadProperty> reads,
        IEnumerable<string> extraInitializers)
    {
        writer.Line($"var {variable} = new {typeName}");
        writer.Line("{");
        writer.Indent();
        foreach (var initializer in extraInitializers)
        {
            writer.Line(initializer);
        }

        foreach (var read in reads.Where(r => r.Property.IsRequired))
        {
            writer.Line(PropertyReadEmitter.RequiredAssignment(read));
        }

        writer.Outdent();
        writer.Line("};");
        foreach (var read in reads.Where(r => !r.Property.IsRequired))
        {
            writer.Open($"if ({read.Local} is not null)");
            writer.Line($"{variable} = {variable} with {{ {read.Property.Name} = {PropertyReadEmitter.OptionalValue(read)} }};");
            writer.Close();
        }
    }
}

using System.Collections.Generic;
using Dgt.Configuration.Schema;

namespace Dgt.Generators.Emitting;

/// <summary>
/// Writes a <c>global::Dgt.ConfigField</c> for the shape the build checked a key against, so that start-up checks it
/// by the same shape: block options in the catalog, row fields in the codec.
/// </summary>
internal static class ConfigFieldEmitter
{
    /// <summary>A list of fields, one a line, as the body of a collection expression.</summary>
    public static void EmitList(SourceWriter writer, IEnumerable<OptionShape> shapes, string closing)
    {
        using var list = writer.Enclosed("[", closing);
        foreach (var shape in shapes)
        {
            writer.Line(Expression(shape) + ",");
        }
    }

    private static string Expression(OptionShape shape)
    {
        var arguments = new List<string>
        {
            Literals.String(shape.Key),
            Literals.StringArray(shape.Aliases),
            "global::Dgt.ConfigFieldKind." + shape.Shape,
            shape.IsRequired ? "true" : "false",
            Literals.String(shape.Expected),
        };
        if (shape.Minimum is { } minimum)
        {
            arguments.Add("Minimum: " + Literals.Double(minimum));
        }

        if (shape.Maximum is { } maximum)
        {
            arguments.Add("Maximum: " + Literals.Double(maximum));
        }

        if (shape.Choices.Count > 0)
        {
            arguments.Add("Choices: " + Literals.StringArray(shape.Choices));
        }

        return "new global::Dgt.ConfigField(" + string.Join(", ", arguments) + ")";
    }
}

[assembly: System.Reflection.AssemblyVersion(Dgt.Generators.Emitting.GeneratorVersion.Value)]
[assembly: System.Reflection.AssemblyFileVersion(Dgt.Generators.Emitting.GeneratorVersion.Value)]
[assembly: System.Reflection.AssemblyInformationalVersion(Dgt.Generators.Emitting.GeneratorVersion.Value)]

namespace Dgt.Generators.Emitting;

/// <summary>
/// The generator's version: the assembly's, and the one every generated type is marked with. Written here once and
/// never derived from the build (no commit hash), so generated code stays the same from one build to the next.
/// </summary>
internal static class GeneratorVersion
{
    public const string Name = "Dgt.Generators";

    public const string Value = "1.0.0";

    /// <summary>The attribute on every generated type (and on the generated members of a user's partial type).</summary>
    public static readonly string Attribute =
        $"[global::System.CodeDom.Compiler.GeneratedCode({Literals.String(Name)}, {Literals.String(Value)})]";
}

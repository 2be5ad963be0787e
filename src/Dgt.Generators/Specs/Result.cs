namespace Dgt.Generators.Specs;

/// <summary>
/// A value and the diagnostics found while making it. They travel together through the pipeline and part only at the
/// end: the value feeds the source output, the diagnostics the diagnostic output.
/// </summary>
internal sealed record Result<T>(T? Value, EquatableArray<DiagnosticInfo> Diagnostics)
    where T : class
{
    public static Result<T> Of(T? value, params DiagnosticInfo[] diagnostics) => new(value, diagnostics.ToEquatableArray());
}

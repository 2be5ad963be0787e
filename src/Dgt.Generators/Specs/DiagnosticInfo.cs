namespace Dgt.Generators.Specs;

/// <summary>A diagnostic waiting to be reported: its catalog ID, where, and the message arguments.</summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(string id, LocationInfo? location, params string[] arguments) =>
        new(id, location, arguments.ToEquatableArray());
}

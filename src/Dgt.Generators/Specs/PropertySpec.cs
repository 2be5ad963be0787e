namespace Dgt.Generators.Specs;

/// <summary>
/// A settable property of an options or row record, and the YAML key it is read from.
/// </summary>
/// <param name="Name">The C# property name.</param>
/// <param name="Key">The YAML key: snake_case of the name, or the one from <c>[ConfigKey]</c>.</param>
/// <param name="Aliases">Other accepted keys.</param>
/// <param name="TypeName">The property's type, fully qualified, without nullable marks (for enums and messages).</param>
/// <param name="IsNullableValueType">True for <c>int?</c> and the like: the value is assigned without unwrapping.</param>
/// <param name="IsRequired">True for a <c>required</c> property: the key must be present.</param>
/// <param name="EnumMembers">For enums: the members and their YAML spellings.</param>
/// <param name="Range">The inclusive range from <c>[ConfigRange]</c>, for numbers.</param>
/// <param name="Expected">What the value must be, for messages: "a number from 0 to 2".</param>
internal sealed record PropertySpec(
    string Name,
    string Key,
    EquatableArray<string> Aliases,
    ValueKind Kind,
    string TypeName,
    bool IsNullableValueType,
    bool IsRequired,
    EquatableArray<EnumMemberSpec> EnumMembers,
    RangeSpec? Range,
    string Expected);

/// <summary>An enum member and its YAML spelling (snake_case of the member name).</summary>
internal sealed record EnumMemberSpec(string MemberName, string Key);

/// <summary>An inclusive numeric range.</summary>
internal sealed record RangeSpec(double Minimum, double Maximum);

namespace Dgt;

/// <summary>The inclusive range a numeric block option must fall in; checked at build time and at start-up.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ConfigRangeAttribute(double minimum, double maximum) : Attribute
{
    /// <summary>The smallest accepted value.</summary>
    public double Minimum { get; } = minimum;

    /// <summary>The largest accepted value.</summary>
    public double Maximum { get; } = maximum;
}

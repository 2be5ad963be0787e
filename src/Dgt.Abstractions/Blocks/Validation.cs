namespace Dgt;

/// <summary>A validator's verdict on one row: valid or not, the score that decided it, and why.</summary>
public readonly record struct Validation(bool IsValid, double? Score = null, string? Reason = null);

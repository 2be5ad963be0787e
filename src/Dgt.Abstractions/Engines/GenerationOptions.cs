namespace Dgt;

/// <summary>
/// Sampling options of one request. Unset values fall back to the engine's YAML options, then to the server's defaults.
/// </summary>
public sealed record GenerationOptions
{
    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>The most tokens to generate.</summary>
    public int? MaxTokens { get; init; }

    /// <summary>Nucleus sampling mass.</summary>
    public double? TopP { get; init; }

    /// <summary>Sampling seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Strings that end generation.</summary>
    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>
    /// Replies wanted for the same input (unset: one). Each is a call of its own; when a seed is set, choice <c>i</c>
    /// is sampled with seed + <c>i</c>, so the choices differ and a rerun makes the same ones.
    /// </summary>
    public int? N { get; init; }

    /// <summary>Layers <paramref name="overrides"/> over these options: set values of the override win.</summary>
    public GenerationOptions With(GenerationOptions? overrides) => overrides is null ? this : new GenerationOptions
    {
        Temperature = overrides.Temperature ?? Temperature,
        MaxTokens = overrides.MaxTokens ?? MaxTokens,
        TopP = overrides.TopP ?? TopP,
        Seed = overrides.Seed ?? Seed,
        Stop = overrides.Stop ?? Stop,
        N = overrides.N ?? N,
    };
}

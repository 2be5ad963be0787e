namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>One entry of <c>rouge_types</c>: Rouge-L (<see cref="NgramSize"/> 0) or Rouge-N over distinct n-grams.</summary>
internal readonly record struct RougeMeasure(int NgramSize)
{
    public static readonly RougeMeasure Lcs = new(0);

    public bool IsLcs => NgramSize == 0;

    /// <summary>The name used in rejection reasons: Rouge-L, Rouge-1, Rouge-2, Rouge-3.</summary>
    public string DisplayName => IsLcs ? "Rouge-L" : $"Rouge-{NgramSize}";

    public static RougeMeasure Parse(string name) => name switch
    {
        "lcs" => Lcs,
        "n_1" => new(1),
        "n_2" => new(2),
        "n_3" => new(3),
        _ => throw new ArgumentException(
            $"rouge_types: '{name}' is not a Rouge type; use lcs, n_1, n_2 or n_3.", nameof(name)),
    };

    /// <summary>The configured measures; <c>lcs</c> alone when none are given.</summary>
    public static RougeMeasure[] ParseAll(IReadOnlyList<string>? names) =>
        names is null || names.Count == 0 ? [Lcs] : [.. names.Select(Parse)];
}

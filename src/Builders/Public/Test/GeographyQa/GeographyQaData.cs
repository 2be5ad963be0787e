namespace Dgt.Builders.Public.Test.GeographyQa;

/// <summary>A geography question with its answer: the seed rows and the generated rows alike.</summary>
public sealed record GeographyQaData : DataPoint
{
    public required string Question { get; init; }

    public required string Answer { get; init; }
}

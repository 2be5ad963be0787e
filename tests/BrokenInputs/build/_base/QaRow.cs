namespace App;

public sealed record QaRow : Dgt.DataPoint
{
    public required string Question { get; init; }

    public required string Answer { get; init; }

    public int? Difficulty { get; init; }
}

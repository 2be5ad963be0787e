using Dgt.Configuration;

namespace App.Rich;

public enum Difficulty
{
    Easy,
    VeryHard,
}

/// <summary>A row with every kind of field a row may have.</summary>
public sealed record RichRow : Dgt.DataPoint
{
    public required string Question { get; init; }

    public double? Score { get; init; }

    public int Attempts { get; init; } = 1;

    public long? Tokens { get; init; }

    public bool Checked { get; init; }

    public Difficulty Difficulty { get; init; } = Difficulty.Easy;

    public IReadOnlyList<string>? Tags { get; init; }

    public string[] Sources { get; init; } = [];

    public IReadOnlyDictionary<string, string>? Meta { get; init; }

    public float Weight { get; init; } = 1f;
}

/// <summary>A builder that reads its seeds itself, as the tutorial's instantiate_input_example does.</summary>
[Dgt.DataBuilder("test/rich")]
public sealed partial class RichBuilder : Dgt.GenerationDataBuilder<RichRow>
{
    [Dgt.Block(Name = "loudspeaker")] private Shout? shout;

    public Shout? Speaker => shout;

    private static RichRow? InstantiateInputExample(IConfigMap row, string taskName) =>
        row.TryGetString("q", out var question) ? new RichRow { TaskName = taskName, IsSeed = true, Question = question.ToUpperInvariant() } : null;

    protected override Task<IReadOnlyList<RichRow>> GenerateAsync(Dgt.GenerationBatch<RichRow> batch, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RichRow>>([]);
}

public sealed record ShoutOptions
{
    public bool Loud { get; init; }
}

/// <summary>A block type of the program itself, next to the referenced library's.</summary>
[Dgt.BlockType("shout")]
public sealed class Shout(ShoutOptions options, Dgt.BlockContext context) : Dgt.IBlock
{
    public string Name { get; } = context.Name;

    public ShoutOptions Options { get; } = options;
}

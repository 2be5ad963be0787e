using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Sample.Blocks;

/// <summary>How the scorer compares rows.</summary>
public enum ScoreFunction
{
    F1,
    Precision,
    Recall,
    LongestCommonSubsequence,
}

/// <summary>Options of an engine block: every kind of option a block may take.</summary>
public sealed record EchoEngineOptions
{
    public required string ModelIdOrPath { get; init; }

    [Dgt.ConfigRange(0, 2)]
    public double? Temperature { get; init; }

    [Dgt.ConfigKey("max_tokens", "max_new_tokens", "num_predict")]
    public int? MaxTokens { get; init; }

    public int CallLimit { get; init; } = 10;

    public IReadOnlyList<string>? Stop { get; init; }

    public string? BaseUrl { get; init; }

    public long? Seed { get; init; }
}

/// <summary>An engine that answers every prompt with the prompt itself.</summary>
[Dgt.BlockType("ollama", "echo")]
public sealed class EchoEngine(EchoEngineOptions options, Dgt.BlockContext context)
    : Dgt.LMProvider(context.Name, options.ModelIdOrPath, options.CallLimit, new Dgt.GenerationOptions
    {
        Temperature = options.Temperature,
        MaxTokens = options.MaxTokens,
        Stop = options.Stop,
    })
{
    public EchoEngineOptions Options { get; } = options;

    protected override Task<Dgt.LmReply> SendAsync(Dgt.LmCall call, CancellationToken cancellationToken) =>
        Task.FromResult(Dgt.LmReply.Success(call.Prompt ?? "", default));
}

/// <summary>Options of a validator block.</summary>
public sealed record OverlapScorerOptions
{
    public bool Filter { get; init; }

    [Dgt.ConfigRange(0, 1.1)]
    public double Threshold { get; init; } = 1.1;

    public ScoreFunction ScoreFunc { get; init; } = ScoreFunction.F1;

    public ScoreFunction? Fallback { get; init; }

    public string[] RougeTypes { get; init; } = ["lcs"];

    public IReadOnlyDictionary<string, string>? Labels { get; init; }

    public float Weight { get; init; } = 1f;

    [Dgt.ConfigRange(1, 1000)]
    public long MaxRows { get; init; } = 100;
}

/// <summary>A validator that accepts every row.</summary>
[Dgt.BlockType("rouge_scorer")]
[Dgt.BlockFields("input")]
public sealed class OverlapScorer(OverlapScorerOptions options, Dgt.BlockContext context) : Dgt.IValidatorBlock
{
    public OverlapScorerOptions Options { get; } = options;

    public string Name { get; } = context.Name;

    public bool Filter => Options.Filter;

    public IReadOnlyList<string> InputFields { get; } = ["input"];

    public ValueTask<IReadOnlyList<Dgt.Validation>> ValidateAsync(IReadOnlyList<Dgt.BlockRow> rows, CancellationToken cancellationToken)
    {
        var verdicts = new Dgt.Validation[rows.Count];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = new Dgt.Validation(true);
        }

        return ValueTask.FromResult<IReadOnlyList<Dgt.Validation>>(verdicts);
    }
}

using Dgt.Runtime.Engines.Ollama;
using Dgt.Runtime.Engines.OpenAi;

namespace Dgt.Runtime.Tests.Engines.Flow;

/// <summary>Engines built from YAML meet through their run: one flow control per endpoint within a run, none across runs.</summary>
public sealed class RunFlowTests
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;

    [Fact]
    public void Blocks_of_one_run_share_their_endpoint_flow_whichever_builder_declared_them()
    {
        var run = new RunResources();
        using var generator = new OllamaEngine(Ollama("http://gpu-box:11434") with { CallLimit = 6 }, new BlockContext("generator", "builder_a", NoEnvironment, run));
        using var judge = new OllamaEngine(Ollama("http://gpu-box:11434") with { CallLimit = 3 }, new BlockContext("judge", "builder_b", NoEnvironment, run));
        using var elsewhere = new OllamaEngine(Ollama("http://other-box:11434"), new BlockContext("other", "builder_b", NoEnvironment, run));

        Assert.Same(generator.Flow, judge.Flow);
        Assert.Equal(3, generator.Flow.Ceiling);
        Assert.NotSame(generator.Flow, elsewhere.Flow);
    }

    [Fact]
    public void Runs_never_share_flow_control()
    {
        using var first = new OpenAiEngine(OpenAi() with { CallLimit = 2 }, new BlockContext("generator", "builder_a", NoEnvironment, new RunResources()));
        using var second = new OpenAiEngine(OpenAi() with { CallLimit = 7 }, new BlockContext("generator", "builder_a", NoEnvironment, new RunResources()));
        using var alone = new OpenAiEngine(OpenAi(), new BlockContext("generator", "builder_a", NoEnvironment));

        Assert.NotSame(first.Flow, second.Flow);
        Assert.NotSame(first.Flow, alone.Flow);
        Assert.Equal(2, first.Flow.Ceiling);
        Assert.Equal(7, second.Flow.Ceiling);
    }

    [Fact]
    public void A_run_keeps_one_resource_of_each_type()
    {
        var run = new RunResources();
        var made = 0;

        var first = run.Get(() => { made++; return new List<string>(); });
        var again = run.Get(() => { made++; return new List<string>(); });
        var other = run.Get(() => new List<int>());

        Assert.Same(first, again);
        Assert.Equal(1, made);
        Assert.NotNull(other);
    }

    private static OllamaOptions Ollama(string baseUrl) => new() { ModelIdOrPath = "mistral-small3.2", BaseUrl = baseUrl };

    private static OpenAiOptions OpenAi() => new() { ModelIdOrPath = "gpt-fake-mini", BaseUrl = "http://127.0.0.1:8000/v1" };
}

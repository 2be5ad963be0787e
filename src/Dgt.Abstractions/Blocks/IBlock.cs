namespace Dgt;

/// <summary>A configured unit of work named in a builder YAML: an LLM engine, a validator or a utility.</summary>
public interface IBlock
{
    /// <summary>The block's <c>name:</c> in the builder YAML.</summary>
    string Name { get; }
}

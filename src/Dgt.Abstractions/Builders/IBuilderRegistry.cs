namespace Dgt;

/// <summary>The compile-time registry of a program: its builders and every block type it can build.</summary>
public interface IBuilderRegistry
{
    /// <summary>Every builder, by name.</summary>
    IReadOnlyList<BuilderRegistration> Builders { get; }

    /// <summary>Every block type: the built-in ones and the program's own.</summary>
    IReadOnlyList<BlockTypeRegistration> BlockTypes { get; }
}

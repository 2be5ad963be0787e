using Dgt.Configuration.Schema;

namespace Dgt.Runtime.Startup;

/// <summary>The blocks built from one builder YAML, by name, with their declarations.</summary>
public sealed class BlockSet : IBlockResolver
{
    private readonly Dictionary<string, (IBlock Block, BlockDeclaration Declaration)> _blocks = new(StringComparer.Ordinal);

    /// <summary>Every block, in YAML order.</summary>
    public IReadOnlyList<IBlock> All => [.. _blocks.Values.Select(b => b.Block)];

    /// <summary>Adds a built block.</summary>
    public void Add(BlockDeclaration declaration, IBlock block) => _blocks[declaration.Name] = (block, declaration);

    /// <summary>True when a block of that name was built.</summary>
    public bool TryGet(string name, out IBlock block, out BlockDeclaration declaration)
    {
        if (_blocks.TryGetValue(name, out var found))
        {
            (block, declaration) = found;
            return true;
        }

        block = null!;
        declaration = null!;
        return false;
    }

    /// <inheritdoc />
    public IBlock Resolve(string name) =>
        _blocks.TryGetValue(name, out var found)
            ? found.Block
            : throw new InvalidOperationException($"Block '{name}' was not built; start-up checks should have caught this.");
}

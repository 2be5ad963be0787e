namespace Dgt;

/// <summary>Hands a builder the blocks built from its YAML, by name.</summary>
public interface IBlockResolver
{
    /// <summary>The block named <paramref name="name"/>; the runtime has checked that it exists and fits its slot.</summary>
    IBlock Resolve(string name);
}

using System.Runtime.InteropServices;

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>Compares token id arrays by value.</summary>
internal sealed class TokenSequenceComparer : IEqualityComparer<int[]>
{
    public static readonly TokenSequenceComparer Instance = new();

    public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(int[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(obj.AsSpan()));
        return hash.ToHashCode();
    }
}

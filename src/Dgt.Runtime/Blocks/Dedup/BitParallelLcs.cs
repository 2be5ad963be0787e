using System.Numerics;

namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The length of the longest common subsequence of one prepared token sequence with many others, 64 tokens of the
/// prepared sequence per machine word (Allison–Dix, in Hyyrö's form): per token of the other sequence,
/// <c>U = V &amp; M[token]; V = (V + U) | (V - U)</c>, and the LCS is the number of zero bits of V. Tokens the
/// prepared sequence lacks leave V unchanged and are skipped. Reuses its buffers: no allocation per pair.
/// One instance per thread.
/// </summary>
internal sealed class BitParallelLcs
{
    private int[] _slotOf = new int[1024];
    private ulong[] _masks = new ulong[64];
    private ulong[] _state = new ulong[4];
    private int[] _prepared = [];
    private int _words;

    /// <summary>Makes <paramref name="tokens"/> the sequence the next <see cref="Lcs"/> calls compare with.</summary>
    public void Prepare(int[] tokens, int vocabularySize)
    {
        Release();
        if (_slotOf.Length < vocabularySize)
        {
            _slotOf = new int[Math.Max(vocabularySize, _slotOf.Length * 2)];
        }

        _prepared = tokens;
        _words = (tokens.Length + 63) >> 6;
        if (_masks.Length < tokens.Length * _words)
        {
            _masks = new ulong[tokens.Length * _words * 2];
        }

        if (_state.Length < _words)
        {
            _state = new ulong[_words * 2];
        }

        var slots = 0;
        for (var position = 0; position < tokens.Length; position++)
        {
            // Slot numbers start at 1 so that 0 in _slotOf means "not in the prepared sequence".
            ref var slot = ref _slotOf[tokens[position]];
            if (slot == 0)
            {
                slot = ++slots;
                _masks.AsSpan((slot - 1) * _words, _words).Clear();
            }

            _masks[((slot - 1) * _words) + (position >> 6)] |= 1UL << (position & 63);
        }
    }

    public int Lcs(int[] other) => _words == 1 ? LcsOneWord(other) : LcsManyWords(other);

    private int LcsOneWord(int[] other)
    {
        var slotOf = _slotOf;
        var masks = _masks;
        var v = ulong.MaxValue;
        foreach (var token in other)
        {
            var slot = slotOf[token];
            if (slot != 0)
            {
                var u = v & masks[slot - 1];
                v = (v + u) | (v - u);
            }
        }

        var length = _prepared.Length;
        var used = length == 64 ? ulong.MaxValue : (1UL << length) - 1;
        return length - BitOperations.PopCount(v & used);
    }

    private int LcsManyWords(int[] other)
    {
        var words = _words;
        var state = _state.AsSpan(0, words);
        state.Fill(ulong.MaxValue);
        var slotOf = _slotOf;
        foreach (var token in other)
        {
            var slot = slotOf[token];
            if (slot == 0)
            {
                continue;
            }

            var mask = _masks.AsSpan((slot - 1) * words, words);
            ulong carry = 0;
            for (var k = 0; k < words; k++)
            {
                var v = state[k];
                var u = v & mask[k];
                var sum = v + u;
                var withCarry = sum + carry;
                carry = (sum < v || withCarry < sum) ? 1UL : 0UL;

                // u only has bits v has, so v - u borrows nothing and stays within the word.
                state[k] = withCarry | (v - u);
            }
        }

        var zeros = 0;
        var remaining = _prepared.Length;
        for (var k = 0; k < words; k++, remaining -= 64)
        {
            var used = remaining >= 64 ? ulong.MaxValue : (1UL << remaining) - 1;
            zeros += BitOperations.PopCount(~state[k] & used);
        }

        return zeros;
    }

    private void Release()
    {
        foreach (var token in _prepared)
        {
            _slotOf[token] = 0;
        }

        _prepared = [];
    }
}

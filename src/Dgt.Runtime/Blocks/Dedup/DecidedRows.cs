namespace Dgt.Runtime.Blocks.Dedup;

/// <summary>
/// The texts and decisions of the previous call, to recognise a call that continues it: the generation loop passes
/// all of a task's rows every epoch, earlier ones first and unchanged, minus the rejected ones when filtering.
/// </summary>
internal sealed class DecidedRows
{
    private string[] _texts = [];
    private Decision[] _decisions = [];

    /// <summary>
    /// Copies the decisions of the leading texts that repeat the previous call into <paramref name="decisions"/> and
    /// tells <paramref name="kept"/> where its rows now sit. Returns how many texts were reused, or -1 when the call
    /// does not continue the previous one: a valid row is missing, changed or moved. Rejected rows may be missing,
    /// since they never influence a later decision.
    /// </summary>
    public int Reuse(IReadOnlyList<string> texts, Decision[] decisions, KeptRows kept)
    {
        var reused = 0;
        for (var previous = 0; previous < _texts.Length; previous++)
        {
            var decision = _decisions[previous];
            if (reused < texts.Count && string.Equals(texts[reused], _texts[previous], StringComparison.Ordinal))
            {
                decisions[reused] = decision;
                if (decision.IsValid)
                {
                    kept.MoveTo(decision.Ordinal, reused);
                }

                reused++;
            }
            else if (decision.IsValid)
            {
                return -1;
            }
        }

        return reused;
    }

    public void Remember(IReadOnlyList<string> texts, Decision[] decisions)
    {
        _texts = [.. texts];
        _decisions = decisions;
    }

    public void Clear()
    {
        _texts = [];
        _decisions = [];
    }
}

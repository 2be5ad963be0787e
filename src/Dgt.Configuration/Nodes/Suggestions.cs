using System;
using System.Collections.Generic;
using System.IO;

namespace Dgt.Configuration;

/// <summary>Did-you-mean for misspelt keys and names.</summary>
public static class Suggestions
{
    /// <summary>The candidate closest to <paramref name="word"/>, when it is close enough to be a likely typo.</summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Allow about one edit in three characters; anything further is a different word, not a typo.
        return best is not null && bestDistance <= Math.Max(1, Math.Min(word.Length, best.Length) / 3) ? best : null;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string DidYouMean(string word, IEnumerable<string> candidates)
    {
        var closest = Closest(word, candidates);
        return closest is null ? "" : " Did you mean '" + closest + "'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

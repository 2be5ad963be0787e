using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace Dgt.Generators.Emitting;

/// <summary>Names of locals in generated code.</summary>
internal static class Identifiers
{
    /// <summary><c>ModelIdOrPath</c> → <c>modelIdOrPath</c>, made unique among <paramref name="taken"/>.</summary>
    public static string Local(string propertyName, HashSet<string> taken)
    {
        var name = propertyName.Length == 0 ? "value" : char.ToLowerInvariant(propertyName[0]) + propertyName.Substring(1);
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(candidate) != SyntaxKind.None
            ? "@" + candidate
            : candidate;
    }

    /// <summary>A suffixed companion of a local: <c>@event</c> + <c>Value</c> → <c>eventValue</c>.</summary>
    public static string Companion(string local, string suffix) => local.TrimStart('@') + suffix;
}

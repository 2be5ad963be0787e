namespace Dgt.Runtime.Configuration;

/// <summary>
/// Keeps the user name and password of an address (<c>http://user:secret@host</c>) out of everything the program
/// prints or writes: error messages, the lines they echo, and the task card.
/// </summary>
public static partial class AddressUserInfo
{
    /// <summary>One address as it may be printed: its user information becomes <c>***</c>, even when the rest is not a valid address.</summary>
    public static string Hide(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var schemeEnd = address.IndexOf("://", StringComparison.Ordinal);
        var authorityStart = schemeEnd < 0 ? 0 : schemeEnd + 3;
        var pathStart = address.IndexOf('/', authorityStart);
        var authorityEnd = pathStart < 0 ? address.Length : pathStart;
        var at = authorityEnd > authorityStart ? address.LastIndexOf('@', authorityEnd - 1, authorityEnd - authorityStart) : -1;
        return at < 0 ? address : address[..authorityStart] + "***" + address[at..];
    }

    /// <summary>
    /// Any text with the user information of every address in it starred out letter for letter, so that columns (and
    /// a caret under them) stay where they were.
    /// </summary>
    public static string StarOut(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return UserInfo().Replace(text, match => match.Groups[1].Value + new string('*', match.Groups[2].Length) + "@");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(://)([^/@\s""']+)@")]
    private static partial System.Text.RegularExpressions.Regex UserInfo();
}

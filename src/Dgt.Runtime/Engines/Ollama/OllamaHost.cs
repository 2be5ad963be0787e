using System.Globalization;
using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.Ollama;

/// <summary>
/// Finds the Ollama server an engine talks to: <c>base_url</c>, else <c>OLLAMA_HOST</c>, else
/// <c>http://localhost:11434</c>. Both settings are read the way the <c>ollama</c> command reads <c>OLLAMA_HOST</c>,
/// so a value that works for the command (<c>0.0.0.0</c>, <c>myhost:8080</c>, <c>https://ollama.example</c>) works here.
/// </summary>
internal static class OllamaHost
{
    /// <summary>The variable the <c>ollama</c> command reads.</summary>
    public const string EnvironmentVariable = "OLLAMA_HOST";

    /// <summary>Ollama's own port, used when a setting names no scheme and no port.</summary>
    public const int DefaultPort = 11434;

    private static readonly Uri Default = new("http://localhost:11434/");

    /// <summary>The server's base address, always ending in <c>/</c> so relative API paths append to it.</summary>
    /// <exception cref="LmPermanentException">The setting is not an http(s) address.</exception>
    public static Uri Resolve(string? baseUrl, Func<string, string?> environment, string blockName) =>
        HttpEndpoint.ResolveBaseUrl(baseUrl, environment, blockName, EnvironmentVariable, Default, Parse, Invalid);

    /// <summary>
    /// Reads <c>[scheme://]host[:port][/path]</c>. Without a scheme it is http on port 11434; with one, the scheme's
    /// own port. Null when the value is not an http(s) address.
    /// </summary>
    public static Uri? Parse(string value)
    {
        var text = value.Trim().Trim('"', '\'');
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = schemeEnd < 0 ? "http" : text[..schemeEnd].ToLowerInvariant();
        var rest = schemeEnd < 0 ? text : text[(schemeEnd + 3)..];
        if (scheme is not ("http" or "https") || rest.Length == 0)
        {
            return null;
        }

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? "" : rest[pathStart..];
        if (schemeEnd < 0 && !HasPort(authority))
        {
            authority = authority.Length == 0 ? $"localhost:{DefaultPort}" : $"{authority}:{DefaultPort}";
        }

        if (!Uri.TryCreate($"{scheme}://{authority}{path}", UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return null;
        }

        return HttpEndpoint.AsBase(new UriBuilder(uri));
    }

    private static bool HasPort(string authority)
    {
        // An IPv6 literal carries colons of its own: only a colon after its closing bracket starts a port.
        var bracket = authority.LastIndexOf(']');
        var colon = authority.LastIndexOf(':');
        return colon > bracket && (bracket >= 0 || authority.IndexOf(':', StringComparison.Ordinal) == colon)
            && int.TryParse(authority[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out _);
    }

    private static string Invalid(string what) =>
        $"{what} is not an http(s) address of an Ollama server. Use a form such as 'http://127.0.0.1:11434' or 'myhost:11434'.";
}

using Dgt.Runtime.Engines.Http;

namespace Dgt.Runtime.Engines.OpenAi;

/// <summary>
/// Finds the API an engine talks to, <c>base_url</c>, else <c>OPENAI_BASE_URL</c>, else OpenAI's own, and the key,
/// which comes from <c>OPENAI_API_KEY</c> only so it never sits in a YAML file that gets shared or logged.
/// </summary>
internal static class OpenAiEndpoint
{
    public const string BaseUrlVariable = "OPENAI_BASE_URL";
    public const string ApiKeyVariable = "OPENAI_API_KEY";

    private static readonly Uri Default = new("https://api.openai.com/v1/");

    /// <summary>The base address, always ending in <c>/</c> so the API's relative paths append to it.</summary>
    /// <exception cref="LmPermanentException">The setting is not an absolute http(s) address.</exception>
    public static Uri ResolveBaseUrl(string? baseUrl, Func<string, string?> environment, string blockName) =>
        HttpEndpoint.ResolveBaseUrl(baseUrl, environment, blockName, BaseUrlVariable, Default, Parse, Invalid);

    /// <summary>The key, or null when none is set (a local server may take requests without one).</summary>
    public static string? ResolveApiKey(Func<string, string?> environment) =>
        environment(ApiKeyVariable) is { } key && !string.IsNullOrWhiteSpace(key) ? key.Trim() : null;

    private static Uri? Parse(string value)
    {
        var text = value.Trim().Trim('"', '\'');
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            return null;
        }

        return HttpEndpoint.AsBase(new UriBuilder(uri) { UserName = "", Password = "" });
    }

    private static string Invalid(string what) =>
        $"{what} is not an http(s) address of an OpenAI-compatible API. Use a form such as 'http://127.0.0.1:8000/v1'.";
}

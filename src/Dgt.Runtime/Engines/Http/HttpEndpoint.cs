using Dgt.Runtime.Configuration;
using Dgt.Runtime.Engines.Flow;

namespace Dgt.Runtime.Engines.Http;

/// <summary>
/// Where an HTTP engine's calls go: its engine type, the base address (always ending in <c>/</c>, so the API's relative
/// paths append to it) and the credential, if any. Every engine finds its address the same way: the block's
/// <c>base_url</c>, else the engine's environment variable, else the engine's default.
/// </summary>
internal sealed record HttpEndpoint(string EngineType, Uri BaseUrl, string? Credential)
{
    /// <summary>The address as messages show it: no user information, no trailing slash.</summary>
    public string Display => Shown(BaseUrl);

    /// <summary>The name of the endpoint's flow control: blocks with the same one share its limits.</summary>
    public EndpointKey FlowKey => EndpointKey.For(EngineType, BaseUrl, Credential);

    /// <summary>
    /// The base address: <paramref name="baseUrl"/>, else the value of <paramref name="variable"/>, else
    /// <paramref name="fallback"/>; a setting <paramref name="parse"/> does not accept throws what
    /// <paramref name="invalid"/> makes of the setting, named.
    /// </summary>
    /// <exception cref="LmPermanentException">The setting is not an address of the engine's server.</exception>
    public static Uri ResolveBaseUrl(
        string? baseUrl,
        Func<string, string?> environment,
        string blockName,
        string variable,
        Uri fallback,
        Func<string, Uri?> parse,
        Func<string, string> invalid)
    {
        if (!string.IsNullOrWhiteSpace(baseUrl))
        {
            return parse(baseUrl) ?? throw new LmPermanentException(invalid($"base_url '{AddressUserInfo.Hide(baseUrl)}' of block '{blockName}'"))
            {
                ConfigKey = "base_url",
            };
        }

        var fromEnvironment = environment(variable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return parse(fromEnvironment) ?? throw new LmPermanentException(invalid($"{variable} '{AddressUserInfo.Hide(fromEnvironment)}'"));
        }

        return fallback;
    }

    /// <summary>The address of <paramref name="builder"/> as a base: no query, no fragment, a path ending in <c>/</c>.</summary>
    public static Uri AsBase(UriBuilder builder)
    {
        builder.Query = "";
        builder.Fragment = "";
        if (!builder.Path.EndsWith('/'))
        {
            builder.Path += "/";
        }

        return builder.Uri;
    }

    /// <summary>An address as messages show it: no user information, no trailing slash.</summary>
    public static string Shown(Uri baseUrl) =>
        baseUrl.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped).TrimEnd('/');
}

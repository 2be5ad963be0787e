using System.Security.Cryptography;
using System.Text;

namespace Dgt.Runtime.Engines.Flow;

/// <summary>
/// Names one endpoint as its flow control sees it: the engine type, the base URL and a SHA-256 of the credential, so
/// blocks that share a key share its limits while the key itself is never kept.
/// </summary>
internal sealed record EndpointKey(string EngineType, string BaseUrl, string CredentialHash)
{
    public static EndpointKey For(string engineType, Uri baseUrl, string? credential) =>
        new(engineType, baseUrl.AbsoluteUri.TrimEnd('/'), credential is null ? "" : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(credential))));
}

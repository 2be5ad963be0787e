using Dgt.Runtime.Engines.Http;
using Dgt.Runtime.Engines.Ollama;

namespace Dgt.Runtime.Tests.Engines.Ollama;

public sealed class OllamaHostTests
{
    [Theory]
    [InlineData("http://127.0.0.1:11434", "http://127.0.0.1:11434/")]
    [InlineData("127.0.0.1:8080", "http://127.0.0.1:8080/")]
    [InlineData("myhost", "http://myhost:11434/")]
    [InlineData("0.0.0.0", "http://0.0.0.0:11434/")]
    [InlineData("https://ollama.example.com", "https://ollama.example.com/")]
    [InlineData("http://gpu-box", "http://gpu-box/")]
    [InlineData("http://proxy.example/ollama", "http://proxy.example/ollama/")]
    [InlineData("[::1]:9000", "http://[::1]:9000/")]
    [InlineData(" \"localhost:11434\" ", "http://localhost:11434/")]
    public void Reads_addresses_as_the_ollama_command_does(string setting, string expected)
    {
        Assert.Equal(new Uri(expected), OllamaHost.Parse(setting));
    }

    [Fact]
    public void Base_url_wins_over_OLLAMA_HOST_which_wins_over_the_default()
    {
        Func<string, string?> environment = name => name == "OLLAMA_HOST" ? "envhost:1234" : null;

        Assert.Equal(new Uri("http://yaml:1/"), OllamaHost.Resolve("http://yaml:1", environment, "generator"));
        Assert.Equal(new Uri("http://envhost:1234/"), OllamaHost.Resolve(null, environment, "generator"));
        Assert.Equal(new Uri("http://localhost:11434/"), OllamaHost.Resolve(null, _ => null, "generator"));
        Assert.Equal(new Uri("http://localhost:11434/"), OllamaHost.Resolve("  ", _ => "", "generator"));
    }

    [Theory]
    [InlineData("ftp://files.example")]
    [InlineData("http://")]
    [InlineData("host:port:extra")]
    public void Rejects_what_is_not_an_http_address_with_the_setting_named(string setting)
    {
        var error = Assert.Throws<LmPermanentException>(() => OllamaHost.Resolve(setting, _ => null, "generator"));

        Assert.Contains($"base_url '{setting}' of block 'generator'", error.Message);
    }

    [Fact]
    public void Messages_never_show_credentials_in_the_address()
    {
        Assert.Equal("http://gpu-box:11434/ollama", HttpEndpoint.Shown(new Uri("http://user:secret@gpu-box:11434/ollama/")));
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dgt.Testing.Ollama;

/// <summary>
/// An Ollama look-alike on Kestrel at 127.0.0.1, for tests that drive the real client over real HTTP:
/// <c>/api/generate</c> and <c>/api/chat</c> (streamed NDJSON or one object, as the request's <c>stream</c> flag says,
/// streaming when it is absent as Ollama does), <c>/api/tags</c>, <c>/api/show</c>, <c>/api/version</c>. It can be
/// slow, refuse unknown models, and misbehave by plan; <see cref="Log"/> records what it saw.
/// </summary>
public sealed class FakeOllamaServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;

    private FakeOllamaServer(WebApplication app, CancellationTokenSource stopping, FakeOllamaLog log, Uri baseUrl)
    {
        _app = app;
        _stopping = stopping;
        Log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the server listens, for example <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>What the server saw.</summary>
    public FakeOllamaLog Log { get; }

    /// <summary>Starts a server on a free port of 127.0.0.1 (or the port the options name).</summary>
    public static async Task<FakeOllamaServer> StartAsync(FakeOllamaOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOllamaOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var log = new FakeOllamaLog();
        var stopping = new CancellationTokenSource();
        var endpoints = new FakeOllamaEndpoints(options, log, stopping.Token);
        app.MapPost(FakeOllamaPaths.Generate, endpoints.GenerationAsync);
        app.MapPost(FakeOllamaPaths.Chat, endpoints.GenerationAsync);
        app.MapGet(FakeOllamaPaths.Tags, endpoints.TagsAsync);
        app.MapPost(FakeOllamaPaths.Show, endpoints.ShowAsync);
        app.MapGet(FakeOllamaPaths.Version, endpoints.VersionAsync);
        app.MapGet("/", endpoints.RootAsync);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            stopping.Dispose();
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.Single();
        return new FakeOllamaServer(app, stopping, log, new Uri(address));
    }

    /// <summary>Ends stalls and latencies at once, then stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dgt.Testing.OpenAi;

/// <summary>
/// An OpenAI-compatible look-alike (as vLLM and hosted APIs serve it) on Kestrel at 127.0.0.1, for tests that drive
/// the real clients over real HTTP: <c>/v1/chat/completions</c> and <c>/v1/completions</c> (one JSON object, or
/// server-sent events ending in <c>data: [DONE]</c> when <c>stream</c> is true, with a usage event when
/// <c>stream_options.include_usage</c> asks), and <c>/v1/models</c>. It can insist on a key, be slow, refuse unknown
/// models, and misbehave by plan; <see cref="Log"/> records what it saw. Its base URL ends in <c>/v1</c>.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;

    private FakeOpenAiServer(WebApplication app, CancellationTokenSource stopping, FakeOpenAiLog log, Uri root)
    {
        _app = app;
        _stopping = stopping;
        Log = log;
        Root = root;
        BaseUrl = new Uri(root, "v1");
    }

    /// <summary>The API's base address, for example <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c> (a base URL missing its <c>/v1</c>).</summary>
    public Uri Root { get; }

    /// <summary>What the server saw.</summary>
    public FakeOpenAiLog Log { get; }

    /// <summary>Starts a server on a free port of 127.0.0.1 (or the port the options name).</summary>
    public static async Task<FakeOpenAiServer> StartAsync(FakeOpenAiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeOpenAiOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var log = new FakeOpenAiLog();
        var stopping = new CancellationTokenSource();
        var endpoints = new FakeOpenAiEndpoints(options, log, stopping.Token);
        app.MapPost(FakeOpenAiPaths.Completions, endpoints.GenerationAsync);
        app.MapPost(FakeOpenAiPaths.Chat, endpoints.GenerationAsync);
        app.MapGet(FakeOpenAiPaths.Models, endpoints.ModelsAsync);

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
        return new FakeOpenAiServer(app, stopping, log, new Uri(address.TrimEnd('/') + "/"));
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

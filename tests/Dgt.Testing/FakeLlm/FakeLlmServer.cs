using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dgt.Testing.FakeLlm;

/// <summary>
/// A model server look-alike on Kestrel at 127.0.0.1, for tests that drive the real clients over real HTTP. It speaks
/// one <see cref="IFakeLlmProtocol"/>; whatever the protocol, it can be slow, misbehave by plan
/// (<see cref="FakeServerOptions.Faults"/>), and <see cref="Log"/> records what it saw.
/// </summary>
public sealed class FakeLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;

    private FakeLlmServer(WebApplication app, CancellationTokenSource stopping, FakeRequestLog log, Uri root, string basePath)
    {
        _app = app;
        _stopping = stopping;
        Log = log;
        Root = root;
        BaseUrl = new Uri(root, basePath);
    }

    /// <summary>The base URL clients are given, for example <c>http://127.0.0.1:41234/</c> or <c>http://127.0.0.1:41234/v1</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The server's root, for example <c>http://127.0.0.1:41234/</c> (for OpenAI, a base URL missing its <c>/v1</c>).</summary>
    public Uri Root { get; }

    /// <summary>What the server saw.</summary>
    public FakeRequestLog Log { get; }

    /// <summary>Starts a server speaking <paramref name="protocol"/> on a free port of 127.0.0.1 (or the port the options name).</summary>
    public static async Task<FakeLlmServer> StartAsync(IFakeLlmProtocol protocol, FakeServerOptions options, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var app = builder.Build();
        var log = new FakeRequestLog(protocol.GenerationPaths);
        var stopping = new CancellationTokenSource();
        var handler = new FakeRequestHandler(protocol, options, log, stopping.Token);
        foreach (var path in protocol.GenerationPaths)
        {
            app.MapPost(path, handler.GenerationAsync);
        }

        foreach (var endpoint in protocol.InfoEndpoints)
        {
            RequestDelegate answer = context => handler.InfoAsync(context, endpoint);
            app.MapMethods(endpoint.Path, [endpoint.Method], answer);
        }

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
        return new FakeLlmServer(app, stopping, log, new Uri(address.TrimEnd('/') + "/"), protocol.BasePath);
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

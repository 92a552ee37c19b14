using System.Net;
using DurableTask.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The Durable Task gRPC sidecar in this process: <see cref="TaskHubGrpcServer"/> (the server the Durable Task SDK's
/// in-process test host runs, public in <c>Microsoft.DurableTask.InProcessTestHost</c>) over a backend, on Kestrel at
/// a free loopback port (HTTP/2 without TLS). The SDK's worker and client talk to it through <see cref="Channel"/>;
/// its dispatchers fetch work items from the backend and hand them to the connected worker.
/// </summary>
internal sealed class TaskHubSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly SidecarLifetime _lifetime;
    private bool _disposed;

    private TaskHubSidecar(WebApplication app, SidecarLifetime lifetime, string address)
    {
        _app = app;
        _lifetime = lifetime;
        Address = address;
        Channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { MaxReceiveMessageSize = 16 * 1024 * 1024 });
    }

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    public GrpcChannel Channel { get; }

    public static async Task<TaskHubSidecar> StartAsync<TService>(HostedOrchestrationService<TService> service, ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
        where TService : IOrchestrationService, IOrchestrationServiceClient, DurableTask.Core.Query.IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
            k.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);

        // The server starts its dispatchers when the lifetime says "started" and the worker has connected, and stops
        // them when it says "stopping": this lifetime is the host's to signal, not Kestrel's.
        var lifetime = new SidecarLifetime();
        builder.Services.AddSingleton(_ => new TaskHubGrpcServer(lifetime, loggerFactory, service, service,
            Options.Create(new TaskHubGrpcServerOptions { Mode = TaskHubGrpcServerMode.ApiServerAndDispatcher })));

        var app = builder.Build();
        app.MapGrpcService<TaskHubGrpcServer>();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                          ?? throw new InvalidOperationException("The sidecar did not report the address it listens on.");
            app.Services.GetRequiredService<TaskHubGrpcServer>();
            lifetime.SignalStarted();
            return new TaskHubSidecar(app, lifetime, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the dispatchers fetching work items (what they hold still goes to the worker).</summary>
    public void StopDispatching() => _lifetime.StopApplication();

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        _lifetime.StopApplication();
        Channel.Dispose();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        finally
        {
            await _app.DisposeAsync().ConfigureAwait(false);
            _lifetime.SignalStopped();
        }
    }

    private sealed class SidecarLifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _started = new();
        private readonly CancellationTokenSource _stopping = new();
        private readonly CancellationTokenSource _stopped = new();

        public CancellationToken ApplicationStarted => _started.Token;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => _stopped.Token;

        public void SignalStarted() => Cancel(_started);

        public void StopApplication() => Cancel(_stopping);

        public void SignalStopped() => Cancel(_stopped);

        private static void Cancel(CancellationTokenSource source)
        {
            // the server's callbacks are async void: keep their exceptions off the caller
            try { source.Cancel(); }
            catch (AggregateException) { }
            catch (ObjectDisposedException) { }
        }
    }
}

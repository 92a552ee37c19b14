using DurableTask.AzureStorage;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Pilgi.Cli.Composition;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Cli.Hosting;

/// <summary>
/// The pipeline's one orchestration on durable state in a storage account, in this process:
/// <list type="number">
/// <item>the backend: <see cref="AzureStorageOrchestrationService"/> (queues, tables and partition leases of the task hub);</item>
/// <item>the gRPC sidecar (<see cref="TaskHubSidecar"/>) that dispatches the backend's work items;</item>
/// <item>the Durable Task SDK's worker and client on that sidecar, with the tasks and services every host registers
/// (<see cref="PipelineTaskRegistry.AddPilgiPipelineTasks"/>, <see cref="PipelineServiceCollectionExtensions.AddPilgiPipeline"/>);</item>
/// <item>the <see cref="ScanWatcher"/> that starts an instance per new upload.</item>
/// </list>
/// <see cref="StopAsync"/> stops in that order reversed: no new scans, wait for those in flight (up to a deadline),
/// stop dispatching, the worker, the sidecar, then the backend, which gives up its partitions. Whatever did not
/// finish is still in storage and resumes on the next start.
/// </summary>
public sealed class LocalDurableHost : IAsyncDisposable
{
    private readonly HostedOrchestrationService<AzureStorageOrchestrationService> _backend;
    private readonly TaskHubSidecar _sidecar;
    private readonly IHost _worker;
    private readonly CancellationTokenSource _stopPolling = new();
    private readonly ILogger _log;
    private Task _polling = Task.CompletedTask;
    private Task<bool>? _stopping;

    private LocalDurableHost(ServeOptions options, HostedOrchestrationService<AzureStorageOrchestrationService> backend,
        TaskHubSidecar sidecar, IHost worker, ILogger log)
    {
        Options = options;
        _backend = backend;
        _sidecar = sidecar;
        _worker = worker;
        _log = log;
        Client = worker.Services.GetRequiredService<DurableTaskClient>();
        Watcher = worker.Services.GetRequiredService<ScanWatcher>();
    }

    public ServeOptions Options { get; }

    /// <summary>A client of the task hub (through the sidecar).</summary>
    public DurableTaskClient Client { get; }

    /// <summary>The worker's services: the blob store, the template provider, the recogniser, …</summary>
    public IServiceProvider Services => _worker.Services;

    public ScanWatcher Watcher { get; }

    /// <summary>The sidecar's gRPC address.</summary>
    public string SidecarAddress => _sidecar.Address;

    /// <summary>
    /// Starts the host from configuration (<see cref="ServeOptions.SectionName"/>, <see cref="PipelineOptions.SectionName"/>,
    /// <see cref="OutputOptions.SectionName"/>, <see cref="EventOptions.SectionName"/>: completion events go to the queue
    /// <c>scan-events</c> on the same account unless turned off). Every part logs through <paramref name="loggerFactory"/>: give it a masking one
    /// (<see cref="ServeLogging"/>).
    /// <paramref name="configureServices"/> runs before the pipeline's registrations, so what it registers wins
    /// (a test's recogniser, say). With <paramref name="poll"/> false the watcher only polls when asked.
    /// </summary>
    public static async Task<LocalDurableHost> StartAsync(IConfiguration configuration, ILoggerFactory loggerFactory,
        Action<IServiceCollection>? configureServices = null, bool poll = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var options = ServeOptions.From(configuration);
        var log = loggerFactory.CreateLogger<LocalDurableHost>();

        var pipeline = new PipelineOptions();
        configuration.GetSection(PipelineOptions.SectionName).Bind(pipeline);
        var retry = pipeline.Retry;
        bool modelsConfigured = configuration[$"{PipelineOptions.SectionName}:{nameof(PipelineOptions.ModelsDirectory)}"] is { Length: > 0 };

        options.WorkerId ??= DurableBackend.NewWorkerId();
        var service = DurableBackend.Create(options, loggerFactory);
        var backend = new HostedOrchestrationService<AzureStorageOrchestrationService>(service, options.MaxConcurrentActivities,
            loggerFactory.CreateLogger<HostedOrchestrationService<AzureStorageOrchestrationService>>());
        await service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        await service.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        TaskHubSidecar? sidecar = null;
        IHost? worker = null;
        try
        {
            sidecar = await TaskHubSidecar.StartAsync(backend, loggerFactory, cancellationToken).ConfigureAwait(false);
            var channel = sidecar.Channel;

            var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Services.AddSingleton(loggerFactory);
            builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
            builder.Services.AddSingleton(options);
            builder.Services.AddOptions<OutputOptions>().Bind(configuration.GetSection(OutputOptions.SectionName));
            builder.Services.AddOptions<EventOptions>().Bind(configuration.GetSection(EventOptions.SectionName));
            configureServices?.Invoke(builder.Services);
            builder.Services.AddPilgiPipeline(o =>
            {
                configuration.GetSection(PipelineOptions.SectionName).Bind(o);
                if (!modelsConfigured) o.ModelsDirectory = DefaultPaths.Models;
                if (string.IsNullOrWhiteSpace(o.StorageConnectionString) && string.IsNullOrWhiteSpace(o.LocalStorageDirectory))
                    o.StorageConnectionString = options.StorageConnectionString;
                o.Retry = retry;
            });
            builder.Services.AddOptions<InferenceOptions>().Bind(configuration.GetSection(InferenceOptions.SectionName));
            builder.Services.AddDurableTaskWorker(b =>
            {
                b.AddTasks(r => r.AddPilgiPipelineTasks(retry));
                b.UseGrpc(channel);
                b.Configure(o =>
                {
                    o.Concurrency.MaximumConcurrentActivityWorkItems = options.MaxConcurrentActivities;
                    o.Concurrency.MaximumConcurrentOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
                });
            });
            builder.Services.AddDurableTaskClient(b => b.UseGrpc(channel));
            builder.Services.AddSingleton(sp => new ScanWatcher(sp.GetRequiredService<IBlobStore>(), sp.GetRequiredService<DurableTaskClient>(),
                options, sp.GetRequiredService<ILogger<ScanWatcher>>()));
            worker = builder.Build();
            await worker.StartAsync(cancellationToken).ConfigureAwait(false);

            var host = new LocalDurableHost(options, backend, sidecar, worker, log);
            if (poll) host._polling = Task.Run(() => host.Watcher.RunAsync(host._stopPolling.Token), CancellationToken.None);
            log.LogInformation("Serving task hub {TaskHub} (worker {WorkerId}); sidecar at {Address}", options.TaskHub,
                options.WorkerId, sidecar.Address);
            return host;
        }
        catch
        {
            if (worker is not null) await StopQuietlyAsync(worker, log).ConfigureAwait(false);
            if (sidecar is not null) await sidecar.DisposeAsync().ConfigureAwait(false);
            await service.StopAsync(isForced: true).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Stops polling, lets the scans in flight finish for up to <paramref name="drainTimeout"/> (the configured
    /// <see cref="ServeOptions.DrainTimeout"/> when null; zero stops at once, as a crash would, but releasing the
    /// partitions), then stops everything. True when nothing was left in flight. Calling it again waits for the first call.
    /// </summary>
    public Task<bool> StopAsync(TimeSpan? drainTimeout = null)
    {
        lock (_stopPolling)
        {
            return _stopping ??= StopCoreAsync(drainTimeout ?? Options.DrainTimeout);
        }
    }

    private async Task<bool> StopCoreAsync(TimeSpan drainTimeout)
    {
        await _stopPolling.CancelAsync().ConfigureAwait(false);
        await _polling.ConfigureAwait(false);

        bool drained = true;
        if (drainTimeout > TimeSpan.Zero)
        {
            var deadline = DateTime.UtcNow + drainTimeout;
            if (Watcher.InFlight > 0) _log.LogInformation("Draining: waiting up to {Seconds:0} s for {Count} scan(s) in flight", drainTimeout.TotalSeconds, Watcher.InFlight);
            try
            {
                drained = await Watcher.DrainAsync(drainTimeout).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                _log.LogWarning("Draining failed ({Error}: {Message})", e.GetType().Name, e.Message);
                drained = false;
            }
            // the last episode of an instance is committed before its status shows it ended: let the sidecar finish it
            while (_backend.OutstandingWorkItems > 0 && DateTime.UtcNow < deadline) await Task.Delay(50).ConfigureAwait(false);
            drained &= _backend.OutstandingWorkItems == 0;
        }
        else
        {
            drained = Watcher.InFlight == 0 && _backend.OutstandingWorkItems == 0;
        }
        if (!drained)
            _log.LogInformation("Stopping with {Count} scan(s) in flight; they resume on the next start", Math.Max(Watcher.InFlight, 1));

        _sidecar.StopDispatching();
        await StopQuietlyAsync(_worker, _log).ConfigureAwait(false);
        await _sidecar.DisposeAsync().ConfigureAwait(false);
        try
        {
            // forced: sessions the sidecar still holds are dropped (their messages come back after the visibility
            // timeout); the partitions are released for the next start
            await _backend.Inner.StopAsync(isForced: true).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _log.LogWarning("Stopping the durable backend failed ({Error}: {Message})", e.GetType().Name, e.Message);
        }
        // Activities the worker had started may still be running (the SDK's worker does not wait for them): disposing
        // its services (the recogniser's ONNX session among them) under them would pull native memory from under a
        // running inference. Only a drained worker is disposed; otherwise the collector takes it when they are done.
        if (drained) _worker.Dispose();
        return drained;
    }

    private static async Task StopQuietlyAsync(IHost host, ILogger log)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await host.StopAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            log.LogWarning("Stopping the worker failed ({Error}: {Message})", e.GetType().Name, e.Message);
        }
    }

    /// <summary>Stops at once (<see cref="StopAsync"/> with no drain) unless it was stopped already.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
        _stopPolling.Dispose();
    }
}

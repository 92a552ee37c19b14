using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Azure.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Pilgi.Core.Results;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Pipeline.Tests.Support;

/// <summary>
/// The orchestration and its activities in this process (<see cref="DurableTaskTestHost"/>), wired the way a host
/// wires them: <see cref="PipelineServiceCollectionExtensions.AddPilgiPipeline"/> and
/// <see cref="PipelineTaskRegistry.AddPilgiPipelineTasks"/>, against a seeded <see cref="TestStorage"/>.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    /// <summary>Retries quick enough for tests.</summary>
    public static ActivityRetrySettings FastRetry() => new()
    {
        MaxAttempts = 2,
        FirstRetryInterval = TimeSpan.FromMilliseconds(50),
        MaxRetryInterval = TimeSpan.FromMilliseconds(100),
    };

    private readonly DurableTaskTestHost _host;

    private PipelineHost(DurableTaskTestHost host, TestStorage storage)
    {
        _host = host;
        Storage = storage;
    }

    public TestStorage Storage { get; }
    public DurableTaskClient Client => _host.Client;
    public IServiceProvider Services => _host.Services;

    /// <param name="recognizer">The recogniser; null for the real one from <c>models/</c> (through the options).</param>
    /// <param name="logs">Where the host logs (the test host's default when null).</param>
    /// <param name="configureServices">Registrations before the pipeline's (options, say).</param>
    public static async Task<PipelineHost> StartAsync(ILineRecognizer? recognizer, ActivityRetrySettings? retry = null,
        ILoggerFactory? logs = null, Action<IServiceCollection>? configureServices = null)
    {
        retry ??= FastRetry();
        var storage = TestStorage.CreateSeeded();
        try
        {
            var host = await DurableTaskTestHost.StartAsync(
                tasks => tasks.AddPilgiPipelineTasks(retry),
                new DurableTaskTestHostOptions
                {
                    Port = FreePort(),
                    LoggerFactory = logs ?? new DurableTaskTestHostOptions().LoggerFactory,
                    ConfigureServices = services =>
                    {
                        configureServices?.Invoke(services);
                        services.AddSingleton<IBlobStore>(storage.Store);
                        services.TryAddSingleton<IMessageQueue>(new FolderMessageQueue(storage.Root)); // events beside the blobs
                        if (recognizer is not null) services.AddSingleton(recognizer);
                        services.AddPilgiPipeline(o =>
                        {
                            o.ModelsDirectory = RepoPaths.Models;
                            o.Retry = retry;
                        });
                    },
                });
            return new PipelineHost(host, storage);
        }
        catch
        {
            storage.Dispose();
            throw;
        }
    }

    /// <summary>Starts the job (once) and waits for its instance to finish; fails the test after a minute.</summary>
    public async Task<(OrchestrationMetadata Instance, ReadScanOutcome Outcome)> RunAsync(ScanJob job)
    {
        await Client.StartOnceAsync(job);
        return await WaitAsync(job.InstanceId);
    }

    public async Task<(OrchestrationMetadata Instance, ReadScanOutcome Outcome)> WaitAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instanceId} ended {instance.RuntimeStatus}: {instance.FailureDetails}");
        return (instance, instance.ReadOutputAs<ReadScanOutcome>()!);
    }

    public async Task<ScanResult> ReadResultAsync(ScanJob job)
    {
        var blob = await Storage.Files.ReadAsync(StorageNames.Results, job.ResultBlob);
        return ResultJson.Deserialize(System.Text.Encoding.UTF8.GetString(blob.Data));
    }

    /// <summary>The completion events in the queue <c>scan-events</c> beside the blobs, oldest first.</summary>
    public IReadOnlyList<CloudEvent> Events() =>
        new FolderMessageQueue(Storage.Root).Peek(StorageNames.ScanEvents).Select(m => CloudEvent.Parse(BinaryData.FromString(m))!).ToList();

    public async Task<ErrorRecord> ReadFailureAsync(ScanJob job)
    {
        var blob = await Storage.Files.ReadAsync(StorageNames.Failed, job.FailureBlob);
        return ResultJson.DeserializeError(System.Text.Encoding.UTF8.GetString(blob.Data));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Storage.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>One host with the fixed-text recogniser, shared by the tests of a collection.</summary>
public sealed class FixedTextPipelineFixture : IAsyncLifetime
{
    /// <summary>What every crop reads as; the same as <see cref="Readers.SampleFixedText"/>.</summary>
    public const string Text = "x";

    internal PipelineHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await PipelineHost.StartAsync(new FixedRecognizer(Text));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class FixedTextPipelineCollection : ICollectionFixture<FixedTextPipelineFixture>
{
    public const string Name = "fixed-text pipeline";
}

using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilgi.Core.Errors;
using Pilgi.Functions.Hosting;
using Pilgi.Functions.Orchestration;
using Pilgi.Functions.Tests.Support;
using Pilgi.Functions.Triggers;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Functions.Tests.Orchestration;

/// <summary>
/// The app's [Function] wrappers, dispatched by their function names in an in-process Durable Task worker, with the
/// services <see cref="FunctionsServiceCollectionExtensions.AddPilgiFunctions"/> registers (one per test class).
/// </summary>
public sealed class FunctionsHostFixture : IAsyncLifetime
{
    private readonly TempFolder _storage = new();
    private ServiceProvider _services = null!;
    private DurableTaskTestHost _host = null!;

    public IBlobStore Blobs => _services.GetRequiredService<IBlobStore>();

    /// <summary>The completion events in <c>scan-events</c> beside the blobs (the folder's queue), oldest first.</summary>
    public IReadOnlyList<Azure.Messaging.CloudEvent> Events() => new FolderMessageQueue(_storage.Path).Peek(StorageNames.ScanEvents)
        .Select(m => Azure.Messaging.CloudEvent.Parse(BinaryData.FromString(m))!).ToList();
    public DurableTaskClient Client => _host.Client;

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Pilgi:Pipeline:LocalStorageDirectory"] = _storage.Path,
            ["Pilgi:Pipeline:Retry:MaxAttempts"] = "2",
            ["Pilgi:Pipeline:Retry:FirstRetryInterval"] = "00:00:00.050",
            ["Pilgi:Pipeline:Retry:MaxRetryInterval"] = "00:00:00.100",
        };
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILineRecognizer>(new FixedRecognizer("x"))
            .AddPilgiFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
        foreach (var file in Directory.GetFiles(RepoPaths.SampleTemplates))
            await Blobs.WriteAsync(StorageNames.Templates, Path.GetFileName(file), await File.ReadAllBytesAsync(file), "application/octet-stream");

        var functions = new ReadScanFunctions(_services.GetRequiredService<IOptions<PipelineOptions>>());
        _host = await DurableTaskTestHost.StartAsync(
            tasks => tasks.AddFunctionsOf(functions, () => new TestFunctionContext(_services), typeof(ScanJob)),
            new DurableTaskTestHostOptions { Port = FreePort() });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _services.DisposeAsync();
        _storage.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A sample upload is read through the wrappers; a corrupt one ends in an error record with its reason code.</summary>
public sealed class FunctionsPipelineTests(FunctionsHostFixture host) : IClassFixture<FunctionsHostFixture>
{
    private async Task<ReadScanOutcome> UploadAndReadAsync(string blobName, byte[] bytes)
    {
        var etag = await host.Blobs.WriteAsync(StorageNames.Scans, blobName, bytes, "image/jpeg");
        Assert.True(ScanUpload.TryCreateJob(StorageNames.Scans, blobName, etag, out var job, out var ignored), ignored);
        var schedule = await host.Client.StartOnceAsync(job);
        var again = await host.Client.StartOnceAsync(job);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var instance = await host.Client.WaitForInstanceCompletionAsync(schedule.InstanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instance.RuntimeStatus}: {instance.FailureDetails}\n{instance.FailureDetails?.StackTrace}");
        Assert.True(schedule.Started);
        Assert.False(again.Started, "a second trigger for the same upload starts nothing");
        return instance.ReadOutputAs<ReadScanOutcome>()!;
    }

    [Fact]
    public async Task The_function_wrappers_read_an_upload_into_its_result()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "samples", "forms", "scans", "remittance-0001.jpg"));

        var outcome = await UploadAndReadAsync("remittance/2026/0001.jpg", bytes);

        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        Assert.Equal("results/remittance/2026/0001.json", outcome.Blob);
        Assert.True(await host.Blobs.ExistsAsync(StorageNames.Results, "remittance/2026/0001.json"));
        var completed = Assert.Single(host.Events(), e => e.Subject == "scans/remittance/2026/0001.jpg");
        Assert.Equal(ScanEventTypes.Completed, completed.Type);
        Assert.Equal(outcome.EventId, completed.Id);
    }

    [Fact]
    public async Task Bad_input_ends_in_an_error_record_with_its_reason_code()
    {
        var outcome = await UploadAndReadAsync("remittance/broken.jpg", "not a jpeg"u8.ToArray());

        Assert.Equal(ReadScanOutcome.Failed, outcome.Status);
        Assert.Equal("failed/remittance/broken.json", outcome.Blob);
        Assert.NotEqual(ReasonCodes.InternalError, outcome.Reason);
        Assert.True(await host.Blobs.ExistsAsync(StorageNames.Failed, "remittance/broken.json"));
        var failed = Assert.Single(host.Events(), e => e.Subject == "scans/remittance/broken.jpg");
        Assert.Equal(ScanEventTypes.Failed, failed.Type);
        Assert.Equal(outcome.EventId, failed.Id);
    }
}

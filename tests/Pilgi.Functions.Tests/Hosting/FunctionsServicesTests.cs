using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pilgi.Functions.Hosting;
using Pilgi.Functions.Http;
using Pilgi.Functions.Orchestration;
using Pilgi.Functions.Tests.Support;
using Pilgi.Functions.Triggers;
using Pilgi.Inference.Recognition;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Logging;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Storage;

namespace Pilgi.Functions.Tests.Hosting;

public class FunctionsServicesTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddSingleton<ILineRecognizer>(new FixedRecognizer("x"))
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddPilgiFunctions(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

    [Fact]
    public void Events_go_to_the_scan_events_queue_on_the_data_account_by_default()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true" });

        Assert.IsType<AzureMessageQueue>(provider.GetRequiredService<IMessageQueue>());
        Assert.Equal("queue 'scan-events'", Assert.IsType<QueueScanEventSink>(provider.GetRequiredService<IScanEventSink>()).Destination);
        Assert.NotNull(provider.GetRequiredService<PublishScanEventActivity>());
    }

    [Fact]
    public void In_azure_events_go_to_the_event_grid_topic_with_the_apps_managed_identity()
    {
        using var provider = Build(new()
        {
            ["PilgiStorage:blobServiceUri"] = "https://pilgidata.blob.core.windows.net",
            ["PilgiStorage:queueServiceUri"] = "https://pilgidata.queue.core.windows.net",
            ["Pilgi:Events:Sink"] = "EventGrid",
            ["Pilgi:Events:TopicEndpoint"] = "https://pilgi-events.koreacentral-1.eventgrid.azure.net/api/events",
            ["Pilgi:Events:Source"] = "https://pilgi-func.azurewebsites.net",
            ["Pilgi:Events:credential"] = "managedidentity",
            ["Pilgi:Events:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var sink = Assert.IsType<EventGridScanEventSink>(provider.GetRequiredService<IScanEventSink>());
        Assert.Contains("pilgi-events.koreacentral-1.eventgrid.azure.net", sink.Destination);
        Assert.IsType<Azure.Identity.ManagedIdentityCredential>(provider.GetRequiredService<Azure.Core.TokenCredential>());
        Assert.Equal("https://pilgi-func.azurewebsites.net", provider.GetRequiredService<IOptions<EventOptions>>().Value.Source);
    }

    [Fact]
    public void Event_grid_without_a_topic_is_refused_naming_the_setting()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true", ["Pilgi:Events:Sink"] = "EventGrid" });

        var e = Assert.ThrowsAny<ArgumentException>(() => provider.GetRequiredService<IScanEventSink>());
        Assert.Contains("Pilgi:Events:TopicEndpoint", e.Message);
    }

    [Fact]
    public void Pipeline_options_are_bound_from_pilgi_pipeline_settings()
    {
        using var provider = Build(new()
        {
            ["PilgiStorage"] = "UseDevelopmentStorage=true",
            ["Pilgi:Pipeline:RecognitionBatchSize"] = "8",
            ["Pilgi:Pipeline:Retry:MaxAttempts"] = "5",
            ["Pilgi:Pipeline:Retry:FirstRetryInterval"] = "00:00:02",
        });

        var o = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal(8, o.RecognitionBatchSize);
        Assert.Equal(5, o.Retry.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), o.Retry.FirstRetryInterval);
    }

    [Fact]
    public void The_models_folder_is_taken_from_the_apps_folder_where_the_build_copies_the_recogniser()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true" });

        var o = provider.GetRequiredService<IOptions<PipelineOptions>>().Value;
        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "models"), o.ModelsDirectory);
        Assert.True(File.Exists(Path.Combine(o.ModelsDirectory, o.RecognizerDescriptor)), "the build copies models/recognizer into the app");
    }

    [Fact]
    public void The_blob_store_is_the_account_the_trigger_listens_on()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true" });

        var store = Assert.IsType<AzureBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.Equal("devstoreaccount1", store.Service.AccountName);
    }

    [Fact]
    public void An_identity_based_connection_uses_its_service_uri()
    {
        using var provider = Build(new() { ["PilgiStorage:blobServiceUri"] = "https://pilgiscans.blob.core.windows.net" });

        var store = Assert.IsType<AzureBlobStore>(provider.GetRequiredService<IBlobStore>());
        Assert.Equal(new Uri("https://pilgiscans.blob.core.windows.net"), store.Service.Uri);
    }

    [Fact]
    public void Pipeline_storage_settings_override_the_connection()
    {
        using var folder = new TempFolder();
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true", ["Pilgi:Pipeline:LocalStorageDirectory"] = folder.Path });

        Assert.Equal(folder.Path, Assert.IsType<FileBlobStore>(provider.GetRequiredService<IBlobStore>()).Root);
    }

    [Fact]
    public void Without_a_connection_the_error_names_the_setting()
    {
        using var provider = Build(new());

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IBlobStore>());
        Assert.Contains(FunctionSettings.StorageConnection, e.Message);
    }

    [Fact]
    public void Output_options_are_bound_from_pilgi_output_settings()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true", ["Pilgi:Output:MaskPii"] = "true" });
        using var defaults = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true" });

        Assert.True(provider.GetRequiredService<IOptions<OutputOptions>>().Value.MaskPii);
        Assert.False(defaults.GetRequiredService<IOptions<OutputOptions>>().Value.MaskPii);
    }

    [Fact]
    public void Every_logger_of_the_app_masks_personal_numbers_whichever_providers_it_has()
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        builder.Services.AddPilgiFunctions(builder.Configuration);
        var captured = new Captured();
        builder.Logging.AddProvider(captured); // added after: masked all the same
        using var host = builder.Build();

        Assert.IsType<PiiMaskingLoggerFactory>(host.Services.GetRequiredService<ILoggerFactory>());
        host.Services.GetRequiredService<ILogger<ScanUploadFunction>>()
            .LogWarning("{Scan} (ETag {ETag})", "scans/remittance/홍길동_900101-1234567_010-1234-5678.jpg", "0x8DC1234567890AB");

        Assert.Contains("scans/remittance/홍길동_900101-1******_010-****-5678.jpg (ETag 0x8DC1234567890AB)", captured.Lines);
        Assert.DoesNotContain(captured.Lines, l => l.Contains("900101-1234567", StringComparison.Ordinal) || l.Contains("010-1234-5678", StringComparison.Ordinal));
    }

    private sealed class Captured : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue(formatter(state, exception));

        public void Dispose()
        {
        }
    }

    [Fact]
    public void Every_function_class_and_activity_resolves()
    {
        using var provider = Build(new() { ["PilgiStorage"] = "UseDevelopmentStorage=true" });

        foreach (var type in new[] { typeof(ReadScanFunctions), typeof(StatusFunctions), typeof(ScanUploadFunction) })
            Assert.NotNull(ActivatorUtilities.CreateInstance(provider, type));
        Assert.NotNull(provider.GetRequiredService<PreprocessScanActivity>());
        Assert.NotNull(provider.GetRequiredService<DetectPageActivity>());
        Assert.NotNull(provider.GetRequiredService<RecognizeBatchActivity>());
        Assert.NotNull(provider.GetRequiredService<FuseAndWriteResultActivity>());
        Assert.NotNull(provider.GetRequiredService<WriteFailureActivity>());
    }
}

using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Recognition;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Steps;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Reading;
using Pilgi.Reading.Templates;
using Pilgi.Storage;
using Pilgi.Storage.Templates;

namespace Pilgi.Pipeline.Tests.Hosting;

public class PipelineServiceCollectionExtensionsTests
{
    [Fact]
    public void Every_activity_resolves_and_the_engines_are_singletons()
    {
        using var storage = TestStorage.CreateEmpty();
        var services = new ServiceCollection()
            .AddSingleton<ILineRecognizer>(new FixedRecognizer("x"))
            .AddPilgiPipeline(o => { o.LocalStorageDirectory = storage.Root; o.RecognitionBatchSize = 8; });
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.NotNull(provider.GetRequiredService<PreprocessScanActivity>());
        Assert.NotNull(provider.GetRequiredService<DetectPageActivity>());
        Assert.NotNull(provider.GetRequiredService<RecognizeBatchActivity>());
        Assert.NotNull(provider.GetRequiredService<FuseAndWriteResultActivity>());
        Assert.NotNull(provider.GetRequiredService<WriteFailureActivity>());
        Assert.Same(provider.GetRequiredService<ScanSteps>(), provider.GetRequiredService<ScanSteps>());
        Assert.Equal(8, provider.GetRequiredService<ReadingSteps>().RecognitionBatchSize);
        Assert.Equal(storage.Root, Assert.IsType<FileBlobStore>(provider.GetRequiredService<IBlobStore>()).Root);
        Assert.IsType<BlobTemplateProvider>(provider.GetRequiredService<ITemplateProvider>());
    }

    [Fact]
    public void Remote_mode_reads_through_the_inference_service_and_in_process_is_the_default()
    {
        using var storage = TestStorage.CreateEmpty();
        var services = new ServiceCollection().AddLogging()
            .AddPilgiPipeline(o => { o.LocalStorageDirectory = storage.Root; o.ModelsDirectory = RepoPaths.Models; });
        using (var inProcess = services.BuildServiceProvider())
        {
            Assert.IsType<TemplateSubtractionDetector>(inProcess.GetRequiredService<IHandwritingDetector>());
            Assert.IsType<OnnxLineRecognizer>(inProcess.GetRequiredService<ILineRecognizer>());
        }

        services.Configure<InferenceOptions>(o =>
        {
            o.Mode = InferenceMode.Remote;
            o.Url = "http://127.0.0.1:18080";
        });
        using var remote = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var steps = remote.GetRequiredService<ReadingSteps>();
        Assert.IsType<RemoteHandwritingDetector>(steps.Detector);
        Assert.IsType<RemoteLineRecognizer>(steps.Recognizer);
        Assert.NotNull(remote.GetRequiredService<DetectPageActivity>());
        Assert.NotNull(remote.GetRequiredService<RecognizeBatchActivity>());
    }

    [Fact]
    public void Remote_mode_without_a_url_is_refused_when_the_engines_are_made()
    {
        using var storage = TestStorage.CreateEmpty();
        using var provider = new ServiceCollection()
            .AddPilgiPipeline(o => o.LocalStorageDirectory = storage.Root)
            .Configure<InferenceOptions>(o => o.Mode = InferenceMode.Remote)
            .BuildServiceProvider();
        var e = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<ILineRecognizer>());
        Assert.Contains("Pilgi:Inference:Url", e.ToString());
    }

    [Fact]
    public void A_templates_folder_replaces_the_templates_container()
    {
        using var storage = TestStorage.CreateEmpty();
        using var provider = new ServiceCollection()
            .AddSingleton<ILineRecognizer>(new FixedRecognizer("x"))
            .AddSingleton<IBlobStore>(storage.Files)
            .AddPilgiPipeline(o => o.TemplatesDirectory = RepoPaths.SampleTemplates)
            .BuildServiceProvider();

        var templates = Assert.IsType<FixedTemplateProvider>(provider.GetRequiredService<ITemplateProvider>());
        Assert.True(templates.Store.Contains("remittance"));
    }

    [Fact]
    public void Without_blob_storage_the_error_names_the_settings()
    {
        using var provider = new ServiceCollection()
            .AddSingleton<ILineRecognizer>(new FixedRecognizer("x"))
            .AddPilgiPipeline()
            .BuildServiceProvider();

        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IBlobStore>());
        Assert.Contains("Pilgi:Pipeline:StorageConnectionString", e.Message);
    }

    [Fact]
    public void The_registry_knows_the_orchestration_and_every_activity_by_name()
    {
        var registry = new DurableTaskRegistry().AddPilgiPipelineTasks();

        // registering any of them twice fails: so all of them are there under these names
        Assert.Throws<ArgumentException>(() => registry.AddOrchestrator(ReadScanOrchestrator.Name, () => new ReadScanOrchestrator()));
        foreach (var name in PipelineTaskRegistry.ActivityNames)
            Assert.Throws<ArgumentException>(() => registry.AddActivity<WriteFailureActivity>(name));
        Assert.Equal(["PreprocessScan", "DetectPage", "RecognizeBatch", "FuseAndWriteResult", "WriteFailure", "PublishScanEvent"],
            PipelineTaskRegistry.ActivityNames);
        Assert.Equal("ReadScan", ReadScanOrchestrator.Name);
    }
}

using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pilgi.Core.Registration;
using Pilgi.Functions.Http;
using Pilgi.Functions.Tests.Support;
using Pilgi.Inference.Detection;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;
using Pilgi.Reading.Templates;

namespace Pilgi.Functions.Tests.Http;

public class HealthCheckTests
{
    private static readonly ITemplateProvider SampleTemplates =
        new FixedTemplateProvider(TemplateStore.FromDirectory(RepoPaths.SampleTemplates, new PageRegistrar(), new DetectionOptions()));

    private static IOptions<PipelineOptions> Options(string modelsDirectory) =>
        Microsoft.Extensions.Options.Options.Create(new PipelineOptions { ModelsDirectory = modelsDirectory });

    private sealed class BrokenTemplates : ITemplateProvider
    {
        public ValueTask<TemplateStore> GetAsync(string? templateId = null, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("storage unreachable");
    }

    [Fact]
    public async Task Healthy_it_names_the_model_versions_and_counts_the_forms()
    {
        var report = await new HealthCheck(Options(RepoPaths.Models), SampleTemplates).CheckAsync();

        using var descriptor = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json")));
        Assert.Equal(HealthReport.Ok, report.Status);
        Assert.Equal($"pilgi-rec@{descriptor.RootElement.GetProperty("version").GetString()}", report.Models["recognizer"]);
        Assert.Equal("template-subtraction@1", report.Models["detector"]);
        Assert.Equal(Directory.GetFiles(RepoPaths.SampleTemplates, "*.json").Length, report.Templates);
        Assert.Empty(report.Problems);
    }

    [Fact]
    public async Task A_missing_model_or_unreachable_forms_make_it_degraded()
    {
        using var empty = new TempFolder();
        var report = await new HealthCheck(Options(empty.Path), new BrokenTemplates()).CheckAsync();

        Assert.Equal(HealthReport.Degraded, report.Status);
        Assert.False(report.Healthy);
        Assert.Null(report.Templates);
        Assert.Contains(report.Problems, p => p.StartsWith("recognizer:", StringComparison.Ordinal));
        Assert.Contains(report.Problems, p => p.Contains("storage unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_remote_mode_an_unreachable_inference_service_makes_it_degraded()
    {
        var inference = new InferenceOptions { Mode = InferenceMode.Remote, Url = "http://127.0.0.1:9/", MaxRetries = 0, TimeoutSeconds = 5 };
        using var services = new ServiceCollection()
            .AddSingleton(new RemoteInferenceClient(new HttpClient(), inference))
            .BuildServiceProvider();
        var check = new HealthCheck(Options(RepoPaths.Models), SampleTemplates, Microsoft.Extensions.Options.Options.Create(inference), services);

        var report = await check.CheckAsync();

        Assert.Equal(HealthReport.Degraded, report.Status);
        Assert.Contains(report.Problems, p => p.StartsWith("recognizer:", StringComparison.Ordinal) && p.Contains("127.0.0.1:9", StringComparison.Ordinal));
        Assert.Equal(Directory.GetFiles(RepoPaths.SampleTemplates, "*.json").Length, report.Templates);
    }

    [Fact]
    public void The_json_body_is_camel_case_without_nulls()
    {
        var json = JsonSerializer.Serialize(new HealthReport(HealthReport.Ok, new Dictionary<string, string> { ["recognizer"] = "r@1" }, null, []),
            JsonResponses.Options);

        Assert.Equal("{\"status\":\"ok\",\"models\":{\"recognizer\":\"r@1\"},\"problems\":[]}", json);
    }
}

using System.Net;
using System.Text.Json;
using Pilgi.Inference.Remote;
using Pilgi.InferenceServer.Hosting;
using Pilgi.InferenceServer.Tests.Support;

namespace Pilgi.InferenceServer.Tests.Endpoints;

public class HealthTests
{
    [Fact]
    public async Task Health_reports_the_execution_provider_the_models_and_uptime()
    {
        await using var factory = ServiceFactory.Create();
        var http = factory.CreateClient();

        var response = await http.GetAsync(InferenceRoutes.Health);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), InferenceJson.Default.ServiceHealth)!;
        Assert.Equal("ok", health.Status);
        // CUDA where it loads; elsewhere (no CUDA 13 libraries or no GPU) it was tried and given up
        Assert.Contains(health.ExecutionProvider, new[] { RecognizerLoader.Cuda, RecognizerLoader.Cpu });
        if (health.ExecutionProvider == RecognizerLoader.Cpu) Assert.StartsWith("CUDA not available", health.ExecutionProviderNote);
        Assert.Equal("pilgi-rec", health.Models[ModelRoles.Recognizer].Name);
        Assert.Equal(JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(RepoPaths.Models, "recognizer", "pilgi-rec.json")))
            .RootElement.GetProperty("version").GetString(), health.Models[ModelRoles.Recognizer].Version);
        Assert.Equal("template-subtraction", health.Models[ModelRoles.Detector].Name);
        Assert.True(health.UptimeSeconds >= 0);
    }

    [Fact]
    public async Task Configured_for_the_cpu_it_does_not_try_cuda()
    {
        await using var factory = ServiceFactory.Create(null, "Pilgi:InferenceServer:ExecutionProvider=Cpu");

        var response = await factory.CreateClient().GetAsync(InferenceRoutes.Health);

        var health = JsonSerializer.Deserialize(await response.Content.ReadAsStringAsync(), InferenceJson.Default.ServiceHealth)!;
        Assert.Equal(RecognizerLoader.Cpu, health.ExecutionProvider);
        Assert.Equal("CUDA not tried (configured CPU)", health.ExecutionProviderNote);
    }

    [Fact]
    public async Task Ready_once_started()
    {
        await using var factory = ServiceFactory.Create();
        var response = await factory.CreateClient().GetAsync(InferenceRoutes.Ready);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

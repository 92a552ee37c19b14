using System.Text.Json;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Functions.Tests.Orchestration;

/// <summary>
/// The <c>functions.metadata</c> the Worker SDK wrote at build (it travels into this project's output with the app's
/// files): what the Functions host will index.
/// </summary>
public class FunctionMetadataTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Metadata = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the Worker SDK writes it when src/Pilgi.Functions builds.");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.Clone());
    });

    private static JsonElement Function(string name)
    {
        Assert.True(Metadata.Value.TryGetValue(name, out var function), $"functions.metadata has no function '{name}'.");
        return function;
    }

    private static JsonElement Binding(string function, string type) =>
        Assert.Single(Function(function).GetProperty("bindings").EnumerateArray(),
            b => string.Equals(b.GetProperty("type").GetString(), type, StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Every_activity_is_an_activity_trigger()
    {
        foreach (var name in PipelineTaskRegistry.ActivityNames)
            Binding(name, "activityTrigger");
    }

    [Fact]
    public void The_orchestrator_is_an_orchestration_trigger()
    {
        Binding(ReadScanOrchestrator.Name, "orchestrationTrigger");
    }

    [Fact]
    public void The_blob_trigger_watches_scans_on_the_pilgi_connection_and_schedules_through_a_durable_client()
    {
        var trigger = Binding(FunctionNames.ScanUploaded, "blobTrigger");

        Assert.Equal("scans/{templateId}/{name}", trigger.GetProperty("path").GetString());
        Assert.Equal(FunctionSettings.StorageConnection, trigger.GetProperty("connection").GetString());
        Assert.Equal(FunctionSettings.ScanTriggerSource.ToString(), trigger.GetProperty("source").GetString());
        Binding(FunctionNames.ScanUploaded, "durableClient");
    }

    [Fact]
    public void The_http_functions_have_their_routes()
    {
        var status = Binding(FunctionNames.ScanStatus, "httpTrigger");
        Assert.Equal("scans/{templateId}/{*path}", status.GetProperty("route").GetString());
        Assert.Equal("Function", status.GetProperty("authLevel").GetString());
        Binding(FunctionNames.ScanStatus, "durableClient");

        var health = Binding(FunctionNames.Health, "httpTrigger");
        Assert.Equal("health", health.GetProperty("route").GetString());
        Assert.Equal("Anonymous", health.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void It_lists_exactly_the_apps_functions()
    {
        string[] expected =
        [
            FunctionNames.ScanUploaded, ReadScanOrchestrator.Name, .. PipelineTaskRegistry.ActivityNames,
            FunctionNames.ScanStatus, FunctionNames.Health,
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), Metadata.Value.Keys.Order(StringComparer.Ordinal));
        Assert.All(Metadata.Value.Values, f => Assert.Equal("Pilgi.Functions.dll", f.GetProperty("scriptFile").GetString()));
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Pilgi.Core.Fusion;
using Pilgi.Functions.Tests.Support;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Hosting;

namespace Pilgi.Functions.Tests.Hosting;

/// <summary>host.json and local.settings.sample.json name what the code reads.</summary>
public class HostJsonTests
{
    private static JsonElement Read(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return doc.RootElement.Clone();
    }

    private static JsonElement HostJson => Read(RepoPaths.HostJson);

    private static JsonElement DurableTask => HostJson.GetProperty("extensions").GetProperty("durableTask");

    [Fact]
    public void Host_json_is_version_2_and_uses_no_extension_bundle()
    {
        Assert.Equal("2.0", HostJson.GetProperty("version").GetString());
        // .NET isolated apps bring their host extensions through the Worker SDK's generated project, not a bundle.
        Assert.False(HostJson.TryGetProperty("extensionBundle", out _));
    }

    [Fact]
    public void The_task_hub_and_its_storage_are_the_ones_the_code_names()
    {
        Assert.Equal(FunctionSettings.TaskHub, DurableTask.GetProperty("hubName").GetString());
        Assert.Matches(new Regex("^[A-Za-z][A-Za-z0-9]{2,44}$"), FunctionSettings.TaskHub);
        var provider = DurableTask.GetProperty("storageProvider");
        Assert.Equal("AzureStorage", provider.GetProperty("type").GetString());
        Assert.Equal(FunctionSettings.HostStorageConnection, provider.GetProperty("connectionName").GetString());
    }

    [Fact]
    public void A_running_instance_is_never_overwritten_by_a_second_start()
    {
        // ScanScheduling.StartOnceAsync relies on it when two triggers race for one upload.
        Assert.Equal("NonRunningStates", DurableTask.GetProperty("overridableExistingInstanceStates").GetString());
    }

    [Fact]
    public void Concurrency_and_poison_settings_are_set()
    {
        Assert.InRange(DurableTask.GetProperty("maxConcurrentActivityFunctions").GetInt32(), 1, 64);
        var blobs = HostJson.GetProperty("extensions").GetProperty("blobs");
        Assert.InRange(blobs.GetProperty("maxDegreeOfParallelism").GetInt32(), 1, 64);
        Assert.InRange(blobs.GetProperty("poisonBlobThreshold").GetInt32(), 1, 10);
    }

    [Fact]
    public void The_hosts_own_lines_about_a_scan_upload_which_name_the_blob_are_off_and_the_workers_masked_ones_on()
    {
        var logLevel = HostJson.GetProperty("logging").GetProperty("logLevel");

        Assert.Equal("Warning", logLevel.GetProperty("Function." + FunctionNames.ScanUploaded).GetString());
        Assert.Equal("Warning", logLevel.GetProperty("Host.Triggers.Blobs").GetString());
        Assert.Equal("Information", logLevel.GetProperty("Function." + FunctionNames.ScanUploaded + ".User").GetString());
    }

    [Fact]
    public void The_functions_host_parses_it()
    {
        // the host reads host.json with Newtonsoft's JObject.Parse, whose default load settings skip comments
        var host = Newtonsoft.Json.Linq.JObject.Parse(File.ReadAllText(RepoPaths.HostJson));

        Assert.Equal("2.0", (string?)host["version"]);
        Assert.Equal(FunctionSettings.TaskHub, (string?)host["extensions"]?["durableTask"]?["hubName"]);
    }

    [Fact]
    public void The_host_sends_its_telemetry_through_open_telemetry_as_the_worker_does()
    {
        Assert.Equal("OpenTelemetry", HostJson.GetProperty("telemetryMode").GetString());
    }

    [Fact]
    public void Every_value_of_host_json_is_explained_beside_it()
    {
        // a comment explains the values under it until a blank line or the end of its object
        bool explained = false;
        foreach (var raw in File.ReadAllLines(RepoPaths.HostJson))
        {
            var line = raw.Trim();
            if (line.StartsWith("//", StringComparison.Ordinal)) explained = true;
            else if (line.Length == 0 || line.StartsWith('}')) explained = false;
            else if (Regex.Match(line, "^\"([^\"]+)\":\\s*[^{\\s]") is { Success: true } value && value.Groups[1].Value is not ("version" or "default"))
                Assert.True(explained || line.Contains("//", StringComparison.Ordinal), $"host.json: no comment explains `{value.Groups[1].Value}`.");
        }
    }

    [Fact]
    public void The_app_is_built_with_this_host_json()
    {
        Assert.Equal(File.ReadAllText(RepoPaths.HostJson), File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
    }

    [Fact]
    public void The_local_settings_sample_runs_the_isolated_worker_on_azurite()
    {
        var values = Read(RepoPaths.LocalSettingsSample).GetProperty("Values");

        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty(FunctionSettings.HostStorageConnection).GetString());
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty(FunctionSettings.StorageConnection).GetString());
    }

    [Fact]
    public void Every_pilgi_setting_of_the_sample_binds_to_the_pipeline_output_review_or_inference_options()
    {
        var values = Read(RepoPaths.LocalSettingsSample).GetProperty("Values").EnumerateObject()
            .Where(p => p.Name.StartsWith("Pilgi__", StringComparison.Ordinal))
            .ToDictionary(p => p.Name.Replace("__", ":", StringComparison.Ordinal), p => (string?)p.Value.GetString());
        Assert.NotEmpty(values);
        Assert.All(values.Keys, k => Assert.True(k.StartsWith(PipelineOptions.SectionName + ":", StringComparison.Ordinal)
                                                 || k.StartsWith(OutputOptions.SectionName + ":", StringComparison.Ordinal)
                                                 || k.StartsWith(ReviewOptions.SectionName + ":", StringComparison.Ordinal)
                                                 || k.StartsWith(InferenceOptions.SectionName + ":", StringComparison.Ordinal), k));

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var options = new PipelineOptions();
        configuration.GetSection(PipelineOptions.SectionName).Bind(options, b => b.ErrorOnUnknownConfiguration = true);
        var output = new OutputOptions { MaskPii = true };
        configuration.GetSection(OutputOptions.SectionName).Bind(output, b => b.ErrorOnUnknownConfiguration = true);

        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, options.ModelsDirectory, options.RecognizerDescriptor)));
        Assert.False(output.MaskPii); // the default, written out
        var review = new ReviewOptions { TargetErrorRate = 0.5 };
        configuration.GetSection(ReviewOptions.SectionName).Bind(review, b => b.ErrorOnUnknownConfiguration = true);
        Assert.Equal(new ReviewOptions().TargetErrorRate, review.TargetErrorRate); // the default, written out

        var inference = new InferenceOptions();
        configuration.GetSection(InferenceOptions.SectionName).Bind(inference, b => b.ErrorOnUnknownConfiguration = true);
        Assert.Equal(InferenceMode.InProcess, inference.Mode);
        inference.Validate();
        inference.Mode = InferenceMode.Remote;
        inference.Validate(); // the sample's Url is usable once Mode is Remote
    }

    private static IEnumerable<string> LeafKeys(JsonElement element, string path)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
                foreach (var key in LeafKeys(property.Value, property.Name)) yield return key;
            else
                yield return property.Name;
        }
    }
}

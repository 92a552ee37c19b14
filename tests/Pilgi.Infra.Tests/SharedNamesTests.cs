using System.Text.Json;
using Pilgi.Functions;
using Pilgi.Inference.Remote;
using Pilgi.Pipeline.Events;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Telemetry;
using Pilgi.Storage;

namespace Pilgi.Infra.Tests;

/// <summary>
/// infra/names.json is the Bicep's only source of the names it shares with the code (loadJsonContent); each entry
/// must equal the C# constant the code reads, every entry must be held to one, and no .bicep file may spell one of
/// those names itself.
/// </summary>
public class SharedNamesTests
{
    /// <summary>Every entry of names.json (dotted path) and the code's name for it.</summary>
    private static readonly Dictionary<string, string> CodeNames = new(StringComparer.Ordinal)
    {
        ["containers.templates"] = StorageNames.Templates,
        ["containers.scans"] = StorageNames.Scans,
        ["containers.work"] = StorageNames.Work,
        ["containers.results"] = StorageNames.Results,
        ["containers.failed"] = StorageNames.Failed,
        ["queues.scanEvents"] = StorageNames.ScanEvents,
        ["events.completed"] = ScanEventTypes.Completed,
        ["events.failed"] = ScanEventTypes.Failed,
        ["connections.host"] = FunctionSettings.HostStorageConnection,
        ["connections.data"] = FunctionSettings.StorageConnection,
        ["taskHub"] = FunctionSettings.TaskHub,
        ["functions.scanUploaded"] = FunctionNames.ScanUploaded,
        ["settings.pipelineSection"] = PipelineOptions.SectionName,
        ["settings.telemetrySection"] = TelemetryOptions.SectionName,
        ["settings.appInsightsConnectionString"] = FunctionSettings.AppInsightsConnectionString,
        ["settings.appInsightsAuthentication"] = FunctionSettings.AppInsightsAuthentication,
        ["settings.inferenceSection"] = InferenceOptions.SectionName,
        ["settings.inferenceMode"] = nameof(InferenceOptions.Mode),
        ["settings.inferenceUrl"] = nameof(InferenceOptions.Url),
        ["settings.inferenceRemoteMode"] = nameof(InferenceMode.Remote),
        ["settings.eventsSection"] = EventOptions.SectionName,
        ["settings.eventsSink"] = nameof(EventOptions.Sink),
        ["settings.eventsEventGridSink"] = nameof(EventSinkKind.EventGrid),
        ["settings.eventsTopicEndpoint"] = nameof(EventOptions.TopicEndpoint),
        ["settings.eventsSource"] = nameof(EventOptions.Source),
    };

    private static Dictionary<string, string> Entries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Names));
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        Flatten(doc.RootElement, "", entries);
        return entries;
    }

    private static void Flatten(JsonElement element, string path, Dictionary<string, string> into)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.StartsWith('_')) continue; // "_about"
            string key = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object) Flatten(property.Value, key, into);
            else into.Add(key, property.Value.GetString() ?? throw new InvalidDataException($"{key} is not a string"));
        }
    }

    [Fact]
    public void Every_name_is_the_one_the_code_reads()
    {
        var entries = Entries();
        Assert.All(CodeNames, pair =>
        {
            Assert.True(entries.TryGetValue(pair.Key, out var value), $"infra/names.json has no '{pair.Key}'.");
            Assert.True(value == pair.Value, $"infra/names.json '{pair.Key}' is '{value}', the code reads '{pair.Value}'.");
        });
    }

    [Fact]
    public void Every_name_is_held_to_the_code()
    {
        var unchecked_ = Entries().Keys.Except(CodeNames.Keys).ToList();
        Assert.True(unchecked_.Count == 0, $"infra/names.json entries with no C# counterpart here: {string.Join(", ", unchecked_)}.");
    }

    [Fact]
    public void The_containers_are_the_storage_contract_in_full()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(RepoPaths.Names));
        var containers = doc.RootElement.GetProperty("containers").EnumerateObject().Select(p => p.Value.GetString()!).ToList();
        Assert.Equal(StorageNames.All, containers);
    }

    [Fact]
    public void The_task_hub_is_the_one_host_json_names()
    {
        var hostJson = File.ReadAllText(RepoPaths.HostJson);
        using var doc = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var durable = doc.RootElement.GetProperty("extensions").GetProperty("durableTask");
        Assert.Equal(Entries()["taskHub"], durable.GetProperty("hubName").GetString());
        Assert.Equal(Entries()["connections.host"], durable.GetProperty("storageProvider").GetProperty("connectionName").GetString());
    }

    [Fact]
    public void No_bicep_file_spells_a_shared_name_itself()
    {
        var names = Entries().Values.Distinct().ToList();
        foreach (var file in RepoPaths.BicepFiles)
        {
            var text = File.ReadAllText(file);
            foreach (var name in names)
            {
                // as a string literal, the end of one, or a path segment: '/containers/scans/', 'PilgiStorage__…'
                foreach (var spelled in new[] { $"'{name}'", $"/{name}/", $"'{name}__" })
                    Assert.False(text.Contains(spelled, StringComparison.Ordinal),
                        $"{Path.GetRelativePath(RepoPaths.Root, file)} spells '{name}' ({spelled}); take it from names.json.");
            }
        }
    }

    [Fact]
    public void Every_bicep_file_that_names_something_shared_reads_names_json()
    {
        var main = File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.bicep"));
        Assert.Contains("loadJsonContent('names.json')", main, StringComparison.Ordinal);
        foreach (var file in RepoPaths.BicepFiles.Where(f => File.ReadAllText(f).Contains("names.", StringComparison.Ordinal)))
            Assert.Matches(@"var names = loadJsonContent\('(\.\./)?names\.json'\)", File.ReadAllText(file));
    }
}

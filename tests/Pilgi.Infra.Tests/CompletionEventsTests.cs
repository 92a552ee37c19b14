using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace Pilgi.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled (the Bicep CLI restored with this project): the completion events' custom topic takes
/// CloudEvents 1.0 with Entra ID only, the Functions identity may send to it and to nothing else there, an example
/// subscription delivers both event types to the data account's queue with the topic's own identity, and the app is
/// told to publish there.
/// </summary>
public class CompletionEventsTests
{
    private const string EventGridDataSender = "d5a91429-5739-47e2-a06b-3470a27159e7";
    private const string QueueDataMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";

    private static readonly Lazy<JsonElement> Template = new(Compile);

    private static JsonElement Compile()
    {
        var bicep = typeof(CompletionEventsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value!;
        Assert.True(File.Exists(bicep), $"No Bicep CLI at {bicep}: restore tests/Pilgi.Infra.Tests.");
        var info = new ProcessStartInfo(bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "build", Path.Combine(RepoPaths.Infra, "main.bicep"), "--stdout" }) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"bicep build failed: {stderr.Result}");
        return JsonDocument.Parse(stdout.Result).RootElement.Clone();
    }

    /// <summary>The template of the nested deployment <paramref name="name"/>.</summary>
    private static JsonElement Module(string name) => Resources(Template.Value).Single(r =>
        r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == name)
        .GetProperty("properties").GetProperty("template");

    private static List<JsonElement> ModuleResources(string name) => Resources(Module(name)).ToList();

    /// <summary>The role assignment of the role the module's variable <c>role.&lt;key&gt;</c> names, after checking it is <paramref name="roleId"/>.</summary>
    private static JsonElement Assignment(List<JsonElement> assignments, string key, string roleId)
    {
        Assert.Equal(roleId, Module("completion-events").GetProperty("variables").GetProperty("role").GetProperty(key).GetString());
        return Assert.Single(assignments, a => a.GetProperty("properties").GetProperty("roleDefinitionId").GetString()!.Contains($"role').{key})"));
    }

    /// <summary>A template's resources, whether it lists them (an array) or names them (symbolic names, an object).</summary>
    private static IEnumerable<JsonElement> Resources(JsonElement template)
    {
        var resources = template.GetProperty("resources");
        return resources.ValueKind == JsonValueKind.Array ? resources.EnumerateArray() : resources.EnumerateObject().Select(p => p.Value);
    }

    private static JsonElement OfType(List<JsonElement> resources, string type) =>
        Assert.Single(resources, r => r.GetProperty("type").GetString() == type);

    [Fact]
    public void The_topic_takes_cloudevents_with_entra_id_only()
    {
        var topic = OfType(ModuleResources("completion-events"), "Microsoft.EventGrid/topics").GetProperty("properties");

        Assert.Equal("CloudEventSchemaV1_0", topic.GetProperty("inputSchema").GetString());
        Assert.True(topic.GetProperty("disableLocalAuth").GetBoolean());
    }

    [Fact]
    public void The_functions_identity_is_the_topics_data_sender_and_the_topic_may_only_add_to_the_event_queue()
    {
        var resources = ModuleResources("completion-events");
        var assignments = resources.Where(r => r.GetProperty("type").GetString() == "Microsoft.Authorization/roleAssignments").ToList();

        Assert.Equal(2, assignments.Count);
        var publish = Assignment(assignments, "eventGridDataSender", EventGridDataSender);
        Assert.Contains("functionsPrincipalId", publish.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Contains("Microsoft.EventGrid/topics", publish.GetProperty("scope").GetString());
        var deliver = Assignment(assignments, "queueDataMessageSender", QueueDataMessageSender);
        Assert.Contains("identity.principalId", deliver.GetProperty("properties").GetProperty("principalId").GetString());
        Assert.Contains("queues", deliver.GetProperty("scope").GetString());
    }

    [Fact]
    public void The_example_subscription_delivers_both_event_types_to_the_event_queue_as_cloudevents()
    {
        var resources = ModuleResources("completion-events");
        var queue = OfType(resources, "Microsoft.Storage/storageAccounts/queueServices/queues");
        var subscription = OfType(resources, "Microsoft.EventGrid/topics/eventSubscriptions").GetProperty("properties");

        Assert.Contains("names').queues.scanEvents", queue.GetProperty("name").GetString());
        Assert.Equal("CloudEventSchemaV1_0", subscription.GetProperty("eventDeliverySchema").GetString());
        var delivery = subscription.GetProperty("deliveryWithResourceIdentity");
        Assert.Equal("SystemAssigned", delivery.GetProperty("identity").GetProperty("type").GetString());
        Assert.Equal("StorageQueue", delivery.GetProperty("destination").GetProperty("endpointType").GetString());
        var types = subscription.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(2, types.Count);
        Assert.Contains(types, t => t.Contains("events.completed", StringComparison.Ordinal));
        Assert.Contains(types, t => t.Contains("events.failed", StringComparison.Ordinal));
    }

    [Fact]
    public void The_functions_app_is_told_to_publish_to_the_topic_with_its_identity()
    {
        var main = File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.bicep"));
        var app = File.ReadAllText(Path.Combine(RepoPaths.Infra, "modules", "functionApp.bicep"));

        Assert.Contains("eventsTopicEndpoint: completionEvents.outputs.topicEndpoint", main, StringComparison.Ordinal);
        foreach (var setting in new[] { "names.settings.eventsSink}': names.settings.eventsEventGridSink", "names.settings.eventsTopicEndpoint}': eventsTopicEndpoint",
                     "names.settings.eventsSource}'", "credential': 'managedidentity'", "clientId': identityClientId" })
            Assert.Contains("'${eventsPrefix}" + (setting.StartsWith("names", StringComparison.Ordinal) ? "${" : "") + setting, app, StringComparison.Ordinal);
    }
}

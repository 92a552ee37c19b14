using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pilgi.Core.Json;

namespace Pilgi.Core.Metrics;

/// <summary>camelCase, indented JSON for <see cref="EvalReport"/>; dictionary keys (kinds, template ids) as given.</summary>
public static class EvalReportJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonTypeInfo<EvalReport> Info => (JsonTypeInfo<EvalReport>)Options.GetTypeInfo(typeof(EvalReport));

    public static string Serialize(EvalReport report) => JsonSerializer.Serialize(report, Info);

    public static EvalReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Info) ?? throw new JsonException("The report JSON is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JsonText.Encoder,
            TypeInfoResolver = EvalReportJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSerializable(typeof(EvalReport))]
internal sealed partial class EvalReportJsonContext : JsonSerializerContext;

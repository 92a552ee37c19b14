using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pilgi.Core.Json;

namespace Pilgi.Core.Metrics;

/// <summary>camelCase, indented JSON for <see cref="LineEvalReport"/>, null values left out.</summary>
public static class LineEvalReportJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonTypeInfo<LineEvalReport> Info => (JsonTypeInfo<LineEvalReport>)Options.GetTypeInfo(typeof(LineEvalReport));

    public static string Serialize(LineEvalReport report) => JsonSerializer.Serialize(report, Info);

    public static LineEvalReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Info) ?? throw new JsonException("The report JSON is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JsonText.Encoder,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = LineEvalReportJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSerializable(typeof(LineEvalReport))]
internal sealed partial class LineEvalReportJsonContext : JsonSerializerContext;

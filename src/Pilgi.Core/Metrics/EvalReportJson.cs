using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Pilgi.Core.Json;

namespace Pilgi.Core.Metrics;

/// <summary>
/// camelCase, indented JSON for the evaluation reports, <see cref="EvalReport"/> (forms; dictionary keys, kinds and
/// template ids, as given) and <see cref="LineEvalReport"/> (line crops); null values left out.
/// </summary>
public static class EvalReportJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonTypeInfo<EvalReport> Info => (JsonTypeInfo<EvalReport>)Options.GetTypeInfo(typeof(EvalReport));
    private static JsonTypeInfo<LineEvalReport> LinesInfo => (JsonTypeInfo<LineEvalReport>)Options.GetTypeInfo(typeof(LineEvalReport));

    public static string Serialize(EvalReport report) => JsonSerializer.Serialize(report, Info);

    public static string Serialize(LineEvalReport report) => JsonSerializer.Serialize(report, LinesInfo);

    public static EvalReport Deserialize(string json) =>
        JsonSerializer.Deserialize(json, Info) ?? throw new JsonException("The report JSON is null.");

    public static LineEvalReport DeserializeLines(string json) =>
        JsonSerializer.Deserialize(json, LinesInfo) ?? throw new JsonException("The report JSON is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JsonText.Encoder,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            TypeInfoResolver = EvalReportJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

[JsonSerializable(typeof(EvalReport))]
[JsonSerializable(typeof(LineEvalReport))]
internal sealed partial class EvalReportJsonContext : JsonSerializerContext;

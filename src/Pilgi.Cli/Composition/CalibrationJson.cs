using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pilgi.Core.Fusion.Confidence;

namespace Pilgi.Cli.Composition;

/// <summary>
/// A calibration as it is written into a descriptor: one line per kind (its model and risk curve), so a refit shows as
/// a short diff and the descriptor stays readable.
/// </summary>
internal static class CalibrationJson
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(ConfidenceCalibration calibration)
    {
        ArgumentNullException.ThrowIfNull(calibration);
        var text = new StringBuilder();
        text.Append("{\n");
        text.Append($"  \"model\": {Json(calibration.Model)},\n");
        text.Append($"  \"fittedOn\": {Json(calibration.FittedOn)},\n");
        text.Append($"  \"features\": {Json(calibration.Features)},\n");
        text.Append($"  \"all\": {Json(calibration.All)},\n");
        text.Append("  \"kinds\": {");
        text.AppendJoin(",", calibration.Kinds.Select(k => $"\n   {Json(k.Key)}: {Json(k.Value)}"));
        text.Append("\n  }\n }");
        return text.ToString();
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, Compact);
}

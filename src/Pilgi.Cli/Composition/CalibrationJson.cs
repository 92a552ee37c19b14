using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pilgi.Cli.Composition;

/// <summary>How a calibration is written into a descriptor (property names as the Core types declare them).</summary>
internal static class CalibrationJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };
}

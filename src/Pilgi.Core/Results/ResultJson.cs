using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Pilgi.Core.Json;

namespace Pilgi.Core.Results;

/// <summary>
/// The JSON form of results and error records: camelCase property names, dictionary keys as given
/// (field keys, stage names), indented, Korean unescaped, nulls written.
/// </summary>
public static class ResultJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonTypeInfo<ScanResult> ScanInfo => (JsonTypeInfo<ScanResult>)Options.GetTypeInfo(typeof(ScanResult));
    private static JsonTypeInfo<ErrorRecord> ErrorInfo => (JsonTypeInfo<ErrorRecord>)Options.GetTypeInfo(typeof(ErrorRecord));

    public static string Serialize(ScanResult result) => JsonSerializer.Serialize(result, ScanInfo);

    public static byte[] SerializeToUtf8Bytes(ScanResult result) => JsonSerializer.SerializeToUtf8Bytes(result, ScanInfo);

    public static string Serialize(ErrorRecord error) => JsonSerializer.Serialize(error, ErrorInfo);

    public static byte[] SerializeToUtf8Bytes(ErrorRecord error) => JsonSerializer.SerializeToUtf8Bytes(error, ErrorInfo);

    /// <summary>Throws <see cref="JsonException"/> on malformed input.</summary>
    public static ScanResult Deserialize(string json) =>
        JsonSerializer.Deserialize(json, ScanInfo) ?? throw new JsonException("The result JSON is null.");

    public static ErrorRecord DeserializeError(string json) =>
        JsonSerializer.Deserialize(json, ErrorInfo) ?? throw new JsonException("The error JSON is null.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JsonText.Encoder,
            TypeInfoResolver = ResultJsonContext.Default,
        };
        options.MakeReadOnly();
        return options;
    }
}

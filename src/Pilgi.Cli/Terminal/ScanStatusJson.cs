using System.Text.Json;
using System.Text.Encodings.Web;
using Pilgi.Pipeline.Status;

namespace Pilgi.Cli.Terminal;

/// <summary>
/// How <c>pilgi results --json</c> shows uploads to a script: camelCase, every property written (null when not
/// known), times in ISO 8601, states as <see cref="ScanStates"/> spells them.
/// </summary>
internal static class ScanStatusJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Korean as it is
    };

    public static string Serialize(IReadOnlyList<ScanStatus> all) => JsonSerializer.Serialize(all, Options);

    public static string Serialize(ScanStatus one) => JsonSerializer.Serialize(one, Options);
}

using System.Globalization;
using System.Text.Json;

namespace Pilgi.Core.Json;

/// <summary>
/// Lenient readers for hand-written and third-party JSON (templates, AI Hub labels): property names match
/// case-insensitively when no exact match exists, and numbers may arrive as JSON strings.
/// </summary>
internal static class JsonRead
{
    public static bool TryGetProperty(JsonElement obj, string name, out JsonElement value)
    {
        value = default;
        if (obj.ValueKind != JsonValueKind.Object) return false;
        if (obj.TryGetProperty(name, out value)) return true;
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }
        return false;
    }

    public static bool IsNullOrMissing(JsonElement obj, string name) =>
        !TryGetProperty(obj, name, out var value) || value.ValueKind == JsonValueKind.Null;

    public static bool TryDouble(JsonElement element, out double value)
    {
        value = 0;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                return element.TryGetDouble(out value) && double.IsFinite(value);
            case JsonValueKind.String:
                return double.TryParse(element.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value)
                       && double.IsFinite(value);
            default:
                return false;
        }
    }

    /// <summary>A whole number, given as an integer, an integral float (2480.0) or a numeric string.</summary>
    public static bool TryInt(JsonElement element, out int value)
    {
        value = 0;
        if (!TryDouble(element, out double d) || d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) return false;
        value = (int)d;
        return true;
    }

    /// <summary>true/false, the strings "true"/"false" (any case) or the numbers 1/0.</summary>
    public static bool TryBool(JsonElement element, out bool value)
    {
        value = false;
        switch (element.ValueKind)
        {
            case JsonValueKind.True: value = true; return true;
            case JsonValueKind.False: return true;
            case JsonValueKind.String:
                return bool.TryParse(element.GetString(), out value);
            case JsonValueKind.Number when element.TryGetInt32(out int n) && n is 0 or 1:
                value = n == 1;
                return true;
            default:
                return false;
        }
    }

    /// <summary>A string property's text, or a number's invariant text; null when missing or null.</summary>
    public static string? StringOrNull(JsonElement obj, string name)
    {
        if (!TryGetProperty(obj, name, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public static bool TryDoubleArray(JsonElement element, out double[] values)
    {
        values = [];
        if (element.ValueKind != JsonValueKind.Array) return false;
        var list = new double[element.GetArrayLength()];
        int i = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (!TryDouble(item, out list[i++])) return false;
        }
        values = list;
        return true;
    }

    public static JsonDocumentOptions DocumentOptions { get; } = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };
}

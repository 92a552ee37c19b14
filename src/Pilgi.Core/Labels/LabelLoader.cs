using System.Text.Json;
using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Json;

namespace Pilgi.Core.Labels;

/// <summary>
/// Reads AI Hub OCR label files and Pilgi's extended ones. Lenient about what AI Hub varies (numbers as strings
/// or floats, extra keys, property-name case, polygons other than four points) and strict about what Pilgi needs
/// (page size, box coordinates). Failures throw <see cref="PilgiException"/> with reason <c>label_invalid</c>.
/// </summary>
public static class LabelLoader
{
    public static LabelDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Invalid(path, $"cannot be read: {e.Message}", e);
        }
        return Parse(json, path);
    }

    public static LabelDocument Parse(string json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, JsonRead.DocumentOptions);
        }
        catch (JsonException e)
        {
            throw Invalid(sourceName, $"is not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            return Read(document.RootElement, sourceName);
        }
    }

    private static LabelDocument Read(JsonElement root, string source)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Invalid(source, "must hold a JSON object.");
        if (!JsonRead.TryGetProperty(root, "Images", out var images) || images.ValueKind != JsonValueKind.Object)
            throw Invalid(source, "has no \"Images\" object.");

        // Some AI Hub sets lack "identifier"; the image name, then the file name, stand in for it.
        string identifier = JsonRead.StringOrNull(images, "identifier")?.Trim() is { Length: > 0 } id ? id
            : JsonRead.StringOrNull(images, "name")?.Trim() is { Length: > 0 } name ? Path.GetFileNameWithoutExtension(name)
            : Path.GetFileNameWithoutExtension(source);
        int width = PositiveInt(images, "width", source);
        int height = PositiveInt(images, "height", source);
        string? formType = JsonRead.StringOrNull(images, "form_type")?.Trim() is { Length: > 0 } f ? f : null;

        if (!JsonRead.TryGetProperty(root, "bbox", out var bboxes) || bboxes.ValueKind != JsonValueKind.Array)
            throw Invalid(source, "has no \"bbox\" array.");

        var boxes = new List<LabelBox>();
        int index = 0;
        foreach (var element in bboxes.EnumerateArray())
        {
            boxes.Add(ReadBox(element, index, source));
            index++;
        }
        return new LabelDocument(identifier, width, height, formType, boxes);
    }

    private static LabelBox ReadBox(JsonElement element, int index, string source)
    {
        string where = $"bbox #{index}";
        if (element.ValueKind != JsonValueKind.Object) throw Invalid(source, $"{where} is not an object.");

        int id = index;
        if (JsonRead.TryGetProperty(element, "id", out var idElement) && idElement.ValueKind != JsonValueKind.Null
            && !JsonRead.TryInt(idElement, out id))
            throw Invalid(source, $"{where} has an \"id\" that is not a whole number.");

        if (!JsonRead.TryGetProperty(element, "x", out var xs) || !JsonRead.TryDoubleArray(xs, out var xValues)
            || !JsonRead.TryGetProperty(element, "y", out var ys) || !JsonRead.TryDoubleArray(ys, out var yValues))
            throw Invalid(source, $"{where} needs numeric \"x\" and \"y\" arrays.");
        if (xValues.Length == 0 || xValues.Length != yValues.Length)
            throw Invalid(source, $"{where} has {xValues.Length} x values and {yValues.Length} y values.");

        bool handwritten = true;
        if (JsonRead.TryGetProperty(element, "handwritten", out var hw) && hw.ValueKind != JsonValueKind.Null
            && !JsonRead.TryBool(hw, out handwritten))
            throw Invalid(source, $"{where} has a \"handwritten\" value that is not true or false.");

        string data = JsonRead.StringOrNull(element, "data") ?? "";
        string? field = JsonRead.StringOrNull(element, "field")?.Trim() is { Length: > 0 } key ? key : null;
        return new LabelBox(id, data, Quad.FromArrays(xValues, yValues), handwritten, field);
    }

    private static int PositiveInt(JsonElement obj, string name, string source)
    {
        if (!JsonRead.TryGetProperty(obj, name, out var element) || !JsonRead.TryDouble(element, out double value)
            || value < 1 || value > int.MaxValue)
            throw Invalid(source, $"Images.{name} must be a number greater than 0.");
        return (int)Math.Round(value);
    }

    private static PilgiException Invalid(string source, string problem, Exception? inner = null) =>
        new(ReasonCodes.LabelInvalid, $"Label file '{source}' {problem}", source, inner);
}

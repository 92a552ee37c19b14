using System.Text.Json;
using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Json;

namespace Pilgi.Core.Templates;

/// <summary>
/// Reads and validates template files. Unknown keys are ignored so that files may carry extra data.
/// Every problem throws <see cref="PilgiException"/> with reason <c>template_invalid</c>, the file as subject and
/// a message naming the file and the problem.
/// </summary>
public static class TemplateLoader
{
    public static FormTemplate Load(string path)
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
        return Parse(json, path, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>
    /// Parses template JSON. <paramref name="sourceName"/> names the template in errors;
    /// <paramref name="baseDirectory"/>, when given, is where the reference path is resolved from.
    /// </summary>
    public static FormTemplate Parse(string json, string sourceName, string? baseDirectory = null)
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
            return Read(document.RootElement, sourceName, baseDirectory);
        }
    }

    private static FormTemplate Read(JsonElement root, string source, string? baseDirectory)
    {
        if (root.ValueKind != JsonValueKind.Object) throw Invalid(source, "must hold a JSON object.");

        string id = JsonRead.StringOrNull(root, "id")?.Trim() ?? "";
        if (id.Length == 0) throw Invalid(source, "has no \"id\".");

        if (!JsonRead.TryGetProperty(root, "page", out var page) || page.ValueKind != JsonValueKind.Object)
            throw Invalid(source, "has no \"page\" object with width and height.");
        int width = PositiveInt(page, "width", source);
        int height = PositiveInt(page, "height", source);

        string reference = JsonRead.StringOrNull(root, "reference")?.Trim() ?? "";
        if (reference.Length == 0) throw Invalid(source, "has no \"reference\" image name.");

        if (!JsonRead.TryGetProperty(root, "fields", out var fieldsElement) || fieldsElement.ValueKind != JsonValueKind.Array)
            throw Invalid(source, "has no \"fields\" array.");

        var pageBox = new Box(0, 0, width, height);
        var fields = new List<TemplateField>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (var element in fieldsElement.EnumerateArray())
        {
            var field = ReadField(element, index++, source);
            if (!keys.Add(field.Key)) throw Invalid(source, $"has the field key \"{field.Key}\" more than once.");
            var b = field.Box;
            if (b.X < 0 || b.Y < 0 || b.Right > pageBox.Right || b.Bottom > pageBox.Bottom)
                throw Invalid(source, $"field \"{field.Key}\" box {b} lies outside the {width}x{height} page.");
            fields.Add(field);
        }
        if (fields.Count == 0) throw Invalid(source, "has no fields.");

        string title = JsonRead.StringOrNull(root, "title")?.Trim() is { Length: > 0 } t ? t : id;
        string referencePath = baseDirectory is null ? reference : Path.GetFullPath(Path.Combine(baseDirectory, reference));
        return new FormTemplate
        {
            Id = id,
            Title = title,
            PageWidth = width,
            PageHeight = height,
            Reference = reference,
            ReferencePath = referencePath,
            Fields = fields,
            SourcePath = source,
        };
    }

    private static TemplateField ReadField(JsonElement element, int index, string source)
    {
        if (element.ValueKind != JsonValueKind.Object) throw Invalid(source, $"field #{index + 1} is not an object.");
        string key = JsonRead.StringOrNull(element, "key")?.Trim() ?? "";
        if (key.Length == 0) throw Invalid(source, $"field #{index + 1} has no \"key\".");

        string? kindName = JsonRead.StringOrNull(element, "kind");
        if (kindName is null) throw Invalid(source, $"field \"{key}\" has no \"kind\".");
        if (!FieldKinds.TryParse(kindName.Trim(), out var kind))
            throw Invalid(source, $"field \"{key}\" has unknown kind \"{kindName}\" (known: {string.Join(", ", FieldKinds.Names)}).");

        if (!JsonRead.TryGetProperty(element, "box", out var boxElement)
            || !JsonRead.TryDoubleArray(boxElement, out var values) || values.Length != 4)
            throw Invalid(source, $"field \"{key}\" needs \"box\": [x, y, w, h] with four numbers.");
        var box = Box.FromArray(values);
        if (box.W <= 0 || box.H <= 0)
            throw Invalid(source, $"field \"{key}\" box {box} must have positive width and height.");

        string label = JsonRead.StringOrNull(element, "label")?.Trim() is { Length: > 0 } l ? l : key;
        return new TemplateField(key, label, kind, box);
    }

    private static int PositiveInt(JsonElement obj, string name, string source)
    {
        if (!JsonRead.TryGetProperty(obj, name, out var element) || !JsonRead.TryInt(element, out int value) || value <= 0)
            throw Invalid(source, $"page {name} must be a whole number greater than 0.");
        return value;
    }

    private static PilgiException Invalid(string source, string problem, Exception? inner = null) =>
        new(ReasonCodes.TemplateInvalid, $"Template '{source}' {problem}", source, inner);
}

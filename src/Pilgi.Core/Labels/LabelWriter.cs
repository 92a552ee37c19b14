using System.Text;
using System.Text.Json;
using Pilgi.Core.Json;

namespace Pilgi.Core.Labels;

/// <summary>Writes label documents in the layout <see cref="LabelLoader"/> reads (UTF-8, Korean unescaped).</summary>
public static class LabelWriter
{
    public static string ToJson(LabelDocument document) => Encoding.UTF8.GetString(ToUtf8(document));

    public static byte[] ToUtf8(LabelDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        Write(stream, document);
        return stream.ToArray();
    }

    /// <summary>Writes the file as UTF-8 without a byte-order mark.</summary>
    public static void Save(string path, LabelDocument document) => File.WriteAllBytes(path, ToUtf8(document));

    public static void Write(Stream stream, LabelDocument document)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(document);
        using var writer = new Utf8JsonWriter(stream, JsonText.WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartObject("Images");
        writer.WriteString("identifier", document.Identifier);
        writer.WriteNumber("width", document.Width);
        writer.WriteNumber("height", document.Height);
        if (document.FormType is not null) writer.WriteString("form_type", document.FormType);
        writer.WriteEndObject();

        writer.WriteStartArray("bbox");
        foreach (var box in document.Boxes)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", box.Id);
            writer.WriteString("data", box.Data);
            WriteNumbers(writer, "x", box.Quad.Xs);
            WriteNumbers(writer, "y", box.Quad.Ys);
            writer.WriteBoolean("handwritten", box.Handwritten);
            if (box.Field is not null) writer.WriteString("field", box.Field);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteNumbers(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (double v in values)
        {
            // Whole coordinates stay integers in the file, as AI Hub writes them.
            if (v == Math.Floor(v) && Math.Abs(v) < 1e15) writer.WriteNumberValue((long)v);
            else writer.WriteNumberValue(v);
        }
        writer.WriteEndArray();
    }
}

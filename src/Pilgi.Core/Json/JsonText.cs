using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pilgi.Core.Json;

/// <summary>Writer settings shared by every JSON file Pilgi produces: UTF-8, indented, Korean left unescaped.</summary>
internal static class JsonText
{
    // Relaxed escaping keeps Hangul readable; the files are data, never embedded in HTML.
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = Encoder };
}

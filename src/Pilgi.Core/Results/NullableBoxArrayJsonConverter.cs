using System.Text.Json;
using System.Text.Json.Serialization;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Results;

/// <summary><see cref="BoxArrayJsonConverter"/> for optional boxes: null is written and read as JSON null.</summary>
public sealed class NullableBoxArrayJsonConverter : JsonConverter<Box?>
{
    private static readonly BoxArrayJsonConverter Inner = new();

    public override bool HandleNull => true;

    public override Box? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : Inner.Read(ref reader, typeof(Box), options);

    public override void Write(Utf8JsonWriter writer, Box? value, JsonSerializerOptions options)
    {
        if (value is { } box) Inner.Write(writer, box, options);
        else writer.WriteNullValue();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;
using Pilgi.Core.Geometry;

namespace Pilgi.Core.Results;

/// <summary>Writes a <see cref="Box"/> as <c>[x, y, w, h]</c> rounded integers; reads any four numbers.</summary>
public sealed class BoxArrayJsonConverter : JsonConverter<Box>
{
    public override Box Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("A box must be an array [x, y, w, h].");
        Span<double> values = stackalloc double[4];
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || count == 4)
                throw new JsonException("A box must hold exactly four numbers [x, y, w, h].");
            values[count++] = reader.GetDouble();
        }
        if (count != 4) throw new JsonException("A box must hold exactly four numbers [x, y, w, h].");
        return new Box(values[0], values[1], values[2], values[3]);
    }

    public override void Write(Utf8JsonWriter writer, Box value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (int v in value.ToIntArray()) writer.WriteNumberValue(v);
        writer.WriteEndArray();
    }
}

using System.Text.Json.Serialization;

namespace Pilgi.Inference.Recognition;

/// <summary>How a crop is brought to a model's line height: the filter its training lines were (mostly) shrunk with.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LineScaling>))]
public enum LineScaling
{
    /// <summary>Each output pixel the mean of the input area it covers.</summary>
    [JsonStringEnumMemberName("area")] Area,

    /// <summary>
    /// A triangle (tent) filter widened by the scale, as Pillow's bilinear resize shrinks an image: smoother than area
    /// averaging, so a thin pen line keeps more of its ink at 32 px.
    /// </summary>
    [JsonStringEnumMemberName("triangle")] Triangle,
}

using Pilgi.Core.Geometry;

namespace Pilgi.Core.Labels;

/// <summary>The labels of one page image, in the AI Hub OCR layout plus Pilgi's <c>form_type</c>/<c>handwritten</c>/<c>field</c>.</summary>
public sealed record LabelDocument(string Identifier, int Width, int Height, string? FormType, IReadOnlyList<LabelBox> Boxes)
{
    /// <summary>Axis-aligned bounds of the handwritten boxes: the detection ground truth.</summary>
    public IReadOnlyList<Box> HandwrittenBounds() => Boxes.Where(b => b.Handwritten).Select(b => b.Bounds).ToArray();

    /// <summary>Handwritten boxes tagged with a field, grouped by field key (boxes in label order).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<LabelBox>> BoxesByField() =>
        Boxes.Where(b => b.Handwritten && b.Field is not null)
             .GroupBy(b => b.Field!, StringComparer.Ordinal)
             .ToDictionary(g => g.Key, g => (IReadOnlyList<LabelBox>)g.ToArray(), StringComparer.Ordinal);
}

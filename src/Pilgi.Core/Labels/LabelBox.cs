using Pilgi.Core.Geometry;

namespace Pilgi.Core.Labels;

/// <summary>
/// One labelled text region. <see cref="Handwritten"/> is true for text the detector must find (plain AI Hub
/// files have no flag, so all their boxes are); <see cref="Field"/> names the template field it fills, if any.
/// </summary>
public sealed record LabelBox(int Id, string Data, Quad Quad, bool Handwritten = true, string? Field = null)
{
    public Box Bounds => Quad.Bounds;
}

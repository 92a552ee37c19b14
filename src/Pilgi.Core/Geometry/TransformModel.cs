namespace Pilgi.Core.Geometry;

/// <summary>Which family of transforms <see cref="AffineFit"/> estimates.</summary>
public enum TransformModel
{
    /// <summary>Rotation, uniform scale and shift (4 degrees of freedom, 2 points minimum).</summary>
    Similarity,

    /// <summary>Full affine (6 degrees of freedom, 3 non-collinear points minimum).</summary>
    Affine,
}

using Pilgi.Core.Geometry;

namespace Pilgi.Core.Raster;

/// <summary>One 4- or 8-connected blob of set pixels: its whole-pixel bounds and how many pixels it has.</summary>
public readonly record struct ConnectedComponent(IntRect Bounds, int PixelCount);

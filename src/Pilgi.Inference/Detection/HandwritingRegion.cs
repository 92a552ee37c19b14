using Pilgi.Core.Geometry;

namespace Pilgi.Inference.Detection;

/// <summary>
/// One handwritten value found on a page: its box in scan pixels (what results report), in template pixels
/// (what fusion assigns), the field it lies in, and how much ink it holds.
/// </summary>
public sealed record HandwritingRegion(Box ScanBox, Box TemplateBox, int Page, string? FieldKey, int InkPixels);

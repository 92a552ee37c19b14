using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging;

/// <summary>
/// Draws review overlays: a coloured outline around each field (just outside the box so the
/// handwriting stays visible; a redacted field's box is filled instead) and, above it on a white backing, the
/// field key and the value read.
/// Always paints on a copy; the page passed in is left untouched.
/// </summary>
public sealed class OverlayPainter
{
    public OverlayPainter(OverlayStyle? style = null, GlyphAtlas? atlas = null)
    {
        Style = style ?? OverlayStyle.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(Style.BoxThickness);
        ArgumentOutOfRangeException.ThrowIfNegative(Style.LabelPadding);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Style.TextScale);
        Atlas = atlas ?? GlyphAtlas.Default;
    }

    public OverlayStyle Style { get; }
    public GlyphAtlas Atlas { get; }

    /// <summary>A new colour image of <paramref name="page"/> with the fields drawn on it.</summary>
    public Image<Rgb24> Paint(GrayImage page, IEnumerable<OverlayField> fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        return DrawOnto(ImageCodec.ToRgbImage(page), fields);
    }

    /// <summary>A copy of <paramref name="page"/> with the fields drawn on it.</summary>
    public Image<Rgb24> Paint(Image<Rgb24> page, IEnumerable<OverlayField> fields)
    {
        ArgumentNullException.ThrowIfNull(page);
        return DrawOnto(page.Clone(), fields);
    }

    private Image<Rgb24> DrawOnto(Image<Rgb24> canvas, IEnumerable<OverlayField> fields)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(fields);
            var placed = fields.Select(f => (Field: f, Outline: OuterRect(f.Box, canvas.Width, canvas.Height)))
                .Where(p => p.Outline is not null)
                .Select(p => (p.Field, Outline: p.Outline!.Value))
                .ToList();
            canvas.ProcessPixelRows(pixels =>
            {
                // Outlines first so that no box is drawn across another field's label.
                foreach (var (field, outline) in placed)
                    if (field.Redacted) FillRect(pixels, outline, Style.RedactionColor);
                foreach (var (field, outline) in placed) DrawOutline(pixels, outline, Style.ColorFor(field.State));
                foreach (var (field, outline) in placed) DrawLabel(pixels, outline, field.LabelText);
            });
            return canvas;
        }
        catch
        {
            canvas.Dispose();
            throw;
        }
    }

    /// <summary>The box grown by the outline thickness, or null when it misses the canvas or is not a number.</summary>
    private IntRect? OuterRect(Box box, int width, int height)
    {
        if (!double.IsFinite(box.X) || !double.IsFinite(box.Y) || !double.IsFinite(box.W) || !double.IsFinite(box.H)) return null;
        int t = Style.BoxThickness;
        // Trimmed to just beyond the canvas so far-off coordinates cannot overflow int.
        var nearCanvas = box.Inflate(t, t).Intersect(new Box(-t, -t, width + 2 * t, height + 2 * t));
        if (nearCanvas.Clamp(width, height).IsEmpty) return null;
        return IntRect.Covering(nearCanvas);
    }

    private void DrawOutline(PixelAccessor<Rgb24> pixels, IntRect outer, Rgb24 color)
    {
        int t = Style.BoxThickness;
        if (t == 0) return;
        FillRect(pixels, new IntRect(outer.X, outer.Y, outer.W, t), color);
        FillRect(pixels, new IntRect(outer.X, outer.Bottom - t, outer.W, t), color);
        FillRect(pixels, new IntRect(outer.X, outer.Y + t, t, outer.H - 2 * t), color);
        FillRect(pixels, new IntRect(outer.Right - t, outer.Y + t, t, outer.H - 2 * t), color);
    }

    private void DrawLabel(PixelAccessor<Rgb24> pixels, IntRect outline, string text)
    {
        var glyphs = Atlas.Layout(text);
        int scale = Style.TextScale, pad = Style.LabelPadding;
        int labelW = glyphs.Sum(g => g.Advance) * scale + 2 * pad;
        int labelH = Atlas.LineHeight * scale + 2 * pad;

        // Above the box; below it when the box touches the top edge; inside it as a last resort.
        int y = outline.Y - labelH;
        if (y < 0) y = outline.Bottom + labelH <= pixels.Height ? outline.Bottom : Math.Max(0, outline.Y);
        int x = Math.Max(0, Math.Min(outline.X, pixels.Width - labelW));

        FillRect(pixels, new IntRect(x, y, labelW, labelH), Style.LabelBackground);
        int penX = x + pad;
        foreach (var glyph in glyphs)
        {
            DrawGlyph(pixels, glyph, penX, y + pad, scale);
            penX += glyph.Advance * scale;
        }
    }

    private void DrawGlyph(PixelAccessor<Rgb24> pixels, Glyph glyph, int penX, int lineTop, int scale)
    {
        for (int row = 0; row < glyph.Height; row++)
        {
            var coverage = Atlas.CoverageRow(glyph, row);
            for (int sy = 0; sy < scale; sy++)
            {
                int y = lineTop + (glyph.OffsetY + row) * scale + sy;
                if ((uint)y >= (uint)pixels.Height) continue;
                var target = pixels.GetRowSpan(y);
                for (int col = 0; col < coverage.Length; col++)
                {
                    byte ink = coverage[col];
                    if (ink == 0) continue;
                    for (int sx = 0; sx < scale; sx++)
                    {
                        int x = penX + (glyph.OffsetX + col) * scale + sx;
                        if ((uint)x < (uint)target.Length) target[x] = Blend(target[x], Style.TextColor, ink);
                    }
                }
            }
        }
    }

    private static void FillRect(PixelAccessor<Rgb24> pixels, IntRect rect, Rgb24 color)
    {
        var r = rect.Clamp(pixels.Width, pixels.Height);
        for (int y = r.Y; y < r.Bottom; y++) pixels.GetRowSpan(y).Slice(r.X, r.W).Fill(color);
    }

    private static Rgb24 Blend(Rgb24 under, Rgb24 ink, byte coverage)
    {
        int keep = 255 - coverage;
        return new Rgb24(
            (byte)((under.R * keep + ink.R * coverage + 127) / 255),
            (byte)((under.G * keep + ink.G * coverage + 127) / 255),
            (byte)((under.B * keep + ink.B * coverage + 127) / 255));
    }
}

using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Imaging.Tests;

public class OverlayPainterTests
{
    private readonly OverlayPainter painter = new();

    [Fact]
    public void Draws_a_three_pixel_outline_just_outside_the_box_in_the_state_colour()
    {
        var page = new GrayImage(300, 200, 200);

        using var overlay = painter.Paint(page, [new OverlayField(new Box(100, 100, 50, 40), OverlayState.Valid, "성명")]);

        var green = OverlayStyle.Default.ValidColor;
        Assert.Equal(green, overlay[97, 120]);
        Assert.Equal(green, overlay[99, 120]);
        Assert.Equal(green, overlay[125, 142]);
        Assert.Equal(new Rgb24(200, 200, 200), overlay[96, 120]);
        Assert.Equal(new Rgb24(200, 200, 200), overlay[100, 120]);
        Assert.Equal(new Rgb24(200, 200, 200), overlay[125, 120]);
    }

    [Fact]
    public void A_redacted_fields_box_is_filled_so_its_handwriting_does_not_show_and_others_are_not()
    {
        var page = new GrayImage(300, 200, 200);
        for (int x = 110; x < 140; x++) page[x, 120] = 0; // a stroke in each box
        for (int x = 210; x < 240; x++) page[x, 120] = 0;

        using var overlay = painter.Paint(page,
        [
            new OverlayField(new Box(100, 100, 50, 40), OverlayState.Valid, "rrn", "900101-1******", Redacted: true),
            new OverlayField(new Box(200, 100, 50, 40), OverlayState.Valid, "name", "홍길동"),
        ]);

        var grey = OverlayStyle.Default.RedactionColor;
        Assert.All(Region(overlay, 100, 100, 50, 40), p => Assert.Equal(grey, p));
        Assert.Equal(OverlayStyle.Default.ValidColor, overlay[98, 120]);
        Assert.Equal(new Rgb24(0, 0, 0), overlay[220, 120]);
        Assert.DoesNotContain(grey, Region(overlay, 200, 100, 50, 40));
    }

    [Theory]
    [InlineData(OverlayState.Valid)]
    [InlineData(OverlayState.NeedsReview)]
    [InlineData(OverlayState.Invalid)]
    public void Each_state_has_its_own_colour(OverlayState state)
    {
        var page = new GrayImage(300, 200);

        using var overlay = painter.Paint(page, [new OverlayField(new Box(100, 100, 50, 40), state, "k")]);

        Assert.Equal(OverlayStyle.Default.ColorFor(state), overlay[98, 120]);
    }

    [Fact]
    public void Writes_the_korean_label_above_the_box_on_a_white_backing()
    {
        var page = new GrayImage(400, 200, 150);
        var field = new OverlayField(new Box(50, 100, 200, 50), OverlayState.NeedsReview, "성명", "홍길동");

        using var overlay = painter.Paint(page, [field]);

        // The label sits between the top of the page area above the outline and the outline itself.
        int labelTop = 100 - 3 - (GlyphAtlas.Default.LineHeight + 4);
        var label = Region(overlay, 47, labelTop, painter.Atlas.MeasureWidth(field.LabelText) + 4, GlyphAtlas.Default.LineHeight + 4);
        Assert.Contains(new Rgb24(255, 255, 255), label);
        Assert.True(label.Count(p => p.R < 80) > 50, "dark text pixels are drawn in the label");
        Assert.DoesNotContain(new Rgb24(150, 150, 150), label);
    }

    [Fact]
    public void Label_moves_below_a_box_at_the_top_edge()
    {
        var page = new GrayImage(300, 200, 150);

        using var overlay = painter.Paint(page, [new OverlayField(new Box(20, 2, 100, 30), OverlayState.Invalid, "금액", "₩10,000")]);

        var below = Region(overlay, 20, 36, 60, 20);
        Assert.True(below.Count(p => p.R < 80) > 20);
    }

    [Fact]
    public void The_page_passed_in_is_not_changed()
    {
        using var page = new Image<Rgb24>(200, 150, new Rgb24(255, 255, 255));

        using var overlay = painter.Paint(page, [new OverlayField(new Box(50, 50, 40, 40), OverlayState.Valid, "a", "1")]);

        Assert.Equal(new Rgb24(255, 255, 255), page[48, 60]);
        Assert.NotEqual(new Rgb24(255, 255, 255), overlay[48, 60]);
    }

    [Fact]
    public void Boxes_off_the_page_or_not_a_number_are_skipped()
    {
        var page = new GrayImage(200, 150);
        OverlayField[] fields =
        [
            new(new Box(5_000, 5_000, 10, 10), OverlayState.Valid, "far"),
            new(new Box(double.NaN, 0, 10, 10), OverlayState.Valid, "nan"),
            new(new Box(-1e12, -1e12, 2e12, 2e12), OverlayState.Invalid, "huge"),
        ];

        using var overlay = painter.Paint(page, fields);

        Assert.Equal((200, 150), (overlay.Width, overlay.Height));
    }

    private static List<Rgb24> Region(Image<Rgb24> image, int x0, int y0, int width, int height)
    {
        var pixels = new List<Rgb24>();
        for (int y = Math.Max(0, y0); y < Math.Min(image.Height, y0 + height); y++)
            for (int x = Math.Max(0, x0); x < Math.Min(image.Width, x0 + width); x++)
                pixels.Add(image[x, y]);
        return pixels;
    }
}

using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Imaging.Pages;

namespace Pilgi.Imaging.Tests.Pages;

public class EdgeOutlineTests
{
    private const int SheetW = 420, SheetH = 594;
    private static readonly PointD[] SheetCorners = [new(0, 0), new(SheetW - 1, 0), new(SheetW - 1, SheetH - 1), new(0, SheetH - 1)];

    /// <summary>A printed form: white paper, a table's rules well inside it (long straight lines that are not its sides).</summary>
    private static byte SheetAt(double x, double y)
    {
        bool rule = (Math.Abs(x - 40) < 1.5 || Math.Abs(x - (SheetW - 1 - 40)) < 1.5) && y > 60 && y < SheetH - 60
            || (Math.Abs(y - 60) < 1.5 || Math.Abs(y - (SheetH - 60)) < 1.5 || Math.Abs(y - 200) < 1.5) && x > 40 && x < SheetW - 40;
        return rule ? (byte)40 : (byte)240;
    }

    /// <summary>
    /// The sheet at <paramref name="corners"/> on a pale desk (grey 205 with grain: paper barely brighter), lit from one
    /// side, with a deep soft shadow (half the light) over the left part of the frame, sheet and desk alike.
    /// </summary>
    private static GrayImage LightDeskPhoto(PointD[] corners, int width = 600, int height = 800)
    {
        var photoToSheet = Homography.FromCorners(SheetCorners, corners).Inverse();
        var random = new Random(7);
        var photo = new GrayImage(width, height);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            var p = photoToSheet.Apply(new PointD(x, y));
            double value = p.X >= 0 && p.Y >= 0 && p.X <= SheetW - 1 && p.Y <= SheetH - 1
                ? SheetAt(p.X, p.Y)
                : 205 + 6 * Math.Sin(x * 0.9 + y * 0.05) + random.Next(-4, 5);
            double light = 1.0 - 0.2 * y / height;
            double shadow = Math.Clamp((x - 150) / 120.0, 0, 1);
            light *= 0.5 + 0.5 * shadow;
            photo[x, y] = (byte)Math.Clamp(value * light + random.Next(-2, 3), 0, 255);
        }
        return photo;
    }

    private static void AssertNear(PointD[] expected, PointD[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i].DistanceTo(actual[i]) <= tolerance, $"corner {i}: {actual[i]}, expected {expected[i]}");
    }

    [Fact]
    public void A_sheet_on_a_light_desk_under_a_deep_shadow_is_outlined_by_its_edges_not_its_table()
    {
        PointD[] corners = [new(110, 120), new(500, 95), new(520, 690), new(90, 710)];
        var photo = LightDeskPhoto(corners);

        var found = EdgeOutline.Find(SheetEdges.Of(photo), 0.15);

        Assert.NotNull(found);
        AssertNear(corners, found, 3);
    }

    [Fact]
    public void The_page_finder_straightens_a_sheet_on_a_light_desk()
    {
        PointD[] corners = [new(110, 120), new(500, 95), new(520, 690), new(90, 710)];
        var photo = LightDeskPhoto(corners);

        var found = new PageFinder().Find(photo);

        Assert.True(found.IsPhoto);
        Assert.False(found.SheetNotFound);
        int w = found.Image.Width - 1, h = found.Image.Height - 1;
        PointD[] pageCorners = [new(0, 0), new(w, 0), new(w, h), new(0, h)];
        AssertNear(corners, pageCorners.Select(p => found.PageToUpload!.Value.Apply(p)).ToArray(), 4);
    }

    [Fact]
    public void A_sheet_cut_by_the_frame_is_not_outlined_by_edges_nor_taken_for_its_table()
    {
        // the sheet's bottom runs out of the picture: no whole sheet to see (the brightness outline may still take it)
        PointD[] corners = [new(110, 120), new(500, 95), new(540, 1000), new(70, 1020)];
        var photo = LightDeskPhoto(corners);

        Assert.Null(EdgeOutline.Find(SheetEdges.Of(photo), 0.15));
    }

    [Fact]
    public void A_blank_image_and_a_bare_desk_have_no_sheet_outlined()
    {
        Assert.Null(EdgeOutline.Find(SheetEdges.Of(new GrayImage(600, 800, 235)), 0.15));
        var random = new Random(3);
        var desk = new GrayImage(600, 800);
        for (int i = 0; i < desk.Pixels.Length; i++) desk.Pixels[i] = (byte)(200 + random.Next(-10, 11));
        Assert.Null(EdgeOutline.Find(SheetEdges.Of(desk), 0.15));
    }

    [Fact]
    public void A_flat_scan_with_a_dark_bed_strip_has_no_sheet_outlined()
    {
        var scan = new GrayImage(600, 800, 240);
        for (int y = 0; y < 800; y++)
        for (int x = 0; x < 600; x++)
        {
            if (SheetAt(x * (SheetW - 1) / 599.0, y * (SheetH - 1) / 799.0) < 100) scan[x, y] = 40;
            if (x < 25 || y > 780) scan[x, y] = 20;
        }
        Assert.Null(EdgeOutline.Find(SheetEdges.Of(scan), 0.15));
    }
}

using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Imaging.Pages;

namespace Pilgi.Imaging.Tests.Pages;

public class PageFinderTests
{
    private const int SheetW = 840, SheetH = 1188;
    private static readonly PointD[] SheetCorners = [new(0, 0), new(SheetW - 1, 0), new(SheetW - 1, SheetH - 1), new(0, SheetH - 1)];

    /// <summary>A printed sheet: white paper, a frame, some dark bars as print.</summary>
    private static GrayImage Sheet()
    {
        var sheet = new GrayImage(SheetW, SheetH, 250);
        for (int y = 60; y < SheetH - 60; y += 90)
        for (int x = 80; x < SheetW - 200; x++)
            for (int t = 0; t < 6; t++) sheet[x, y + t] = 30;
        return sheet;
    }

    /// <summary>
    /// The sheet photographed at an angle on a dark grained desk, lit unevenly (darker towards the bottom right, with a
    /// soft shadow over the left side).
    /// </summary>
    private static (GrayImage Photo, Homography SheetToPhoto) Photo(PointD[] corners, int width = 1200, int height = 1600)
    {
        var sheetToPhoto = Homography.FromCorners(SheetCorners, corners);
        var photoToSheet = sheetToPhoto.Inverse();
        var sheet = Sheet();
        var random = new Random(5);
        var photo = new GrayImage(width, height);
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            var p = photoToSheet.Apply(new PointD(x, y));
            double value = p.X >= 0 && p.Y >= 0 && p.X < SheetW - 1 && p.Y < SheetH - 1
                ? sheet[(int)p.X, (int)p.Y]
                : 70 + 12 * Math.Sin(x * 0.7) + random.Next(-6, 7);
            double light = 1.0 - 0.3 * (x + y) / (width + height);
            if (x < width / 3) light *= 0.8;
            photo[x, y] = (byte)Math.Clamp(value * light, 0, 255);
        }
        return (photo, sheetToPhoto);
    }

    [Fact]
    public void A_photographed_sheet_is_found_straightened_and_evenly_lit()
    {
        PointD[] corners = [new(210, 230), new(1010, 190), new(1050, 1420), new(170, 1380)];
        var (photo, _) = Photo(corners);
        var found = new PageFinder().Find(photo);

        Assert.True(found.IsPhoto);
        Assert.Same(photo, found.Upload);
        var toPhoto = found.PageToUpload!.Value;
        var w = found.Image.Width - 1;
        var h = found.Image.Height - 1;
        PointD[] pageCorners = [new(0, 0), new(w, 0), new(w, h), new(0, h)];
        for (int i = 0; i < 4; i++)
        {
            var p = toPhoto.Apply(pageCorners[i]);
            Assert.InRange(Math.Abs(p.X - corners[i].X) + Math.Abs(p.Y - corners[i].Y), 0, 8);
        }
        // Paper is paper everywhere (the shadow and the gradient gone); print stays dark.
        var sx = (double)w / (SheetW - 1);
        var sy = (double)h / (SheetH - 1);
        foreach (var (x, y) in new[] { (40, 30), (SheetW - 40, 30), (40, SheetH - 40), (SheetW - 40, SheetH - 40), (SheetW - 100, 600) })
            Assert.InRange(found.Image[(int)(x * sx), (int)(y * sy)], 225, 255);
        Assert.InRange(found.Image[(int)(300 * sx), (int)(63 * sy)], 0, 110);
    }

    [Fact]
    public void A_scan_whose_page_fills_the_image_is_passed_through_untouched()
    {
        var scan = Sheet();
        var found = new PageFinder().Find(scan);
        Assert.False(found.IsPhoto);
        Assert.Same(scan, found.Image);
        Assert.Equal(new Box(10, 20, 30, 40), found.ToUpload(new Box(10, 20, 30, 40)));
    }

    [Fact]
    public void An_image_with_no_sheet_in_it_is_passed_through()
    {
        var random = new Random(1);
        var desk = new GrayImage(600, 800);
        for (int i = 0; i < desk.Pixels.Length; i++) desk.Pixels[i] = (byte)random.Next(40, 90);
        var found = new PageFinder().Find(desk);
        Assert.False(found.IsPhoto);
        Assert.True(found.SheetNotFound);
        Assert.Same(desk, found.Image);
    }

    [Fact]
    public void A_blank_image_is_a_scan_of_a_blank_page_not_a_photo_without_a_sheet()
    {
        var blank = new GrayImage(600, 800, 240);
        var found = new PageFinder().Find(blank);
        Assert.False(found.IsPhoto);
        Assert.False(found.SheetNotFound);
        Assert.Same(blank, found.Image);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_flat_scan_with_dark_scanner_bed_strips_is_passed_through_and_never_missing_its_sheet(int strips)
    {
        var scan = Sheet();
        for (int y = 0; y < SheetH; y++)
        for (int x = 0; x < SheetW; x++)
        {
            bool strip = x < 30 || (strips >= 2 && y >= SheetH - 22) || (strips >= 4 && (x >= SheetW - 18 || y < 26));
            if (strip) scan[x, y] = 25;
        }
        var found = new PageFinder().Find(scan);
        Assert.False(found.SheetNotFound);
        if (found.IsPhoto)
        {
            // straightened harmlessly: the page inside the strips, not a piece of it
            Assert.InRange(found.Image.Width, SheetW - 60, SheetW);
            Assert.InRange(found.Image.Height, SheetH - 60, SheetH);
        }
        else Assert.Same(scan, found.Image);
    }

    [Fact]
    public void Boxes_on_the_straightened_sheet_are_reported_in_the_photo()
    {
        PointD[] corners = [new(210, 230), new(1010, 190), new(1050, 1420), new(170, 1380)];
        var (photo, _) = Photo(corners);
        var found = new PageFinder().Find(photo);
        var whole = found.ToUpload(new Box(0, 0, found.Image.Width - 1, found.Image.Height - 1));
        Assert.InRange(whole.X, 162, 178);
        Assert.InRange(whole.Y, 182, 198);
        Assert.InRange(whole.Right, 1042, 1058);
        Assert.InRange(whole.Bottom, 1412, 1428);
    }
}

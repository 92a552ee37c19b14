using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class ResamplingTests
{
    [Fact]
    public void Downsample_averages_blocks_including_partial_edges()
    {
        var image = new GrayImage(5, 3, [
            0, 10, 20, 30, 40,
            50, 60, 70, 80, 90,
            100, 110, 120, 130, 140]);
        var small = Resampling.Downsample(image, 2);
        Assert.Equal(3, small.Width);
        Assert.Equal(2, small.Height);
        Assert.Equal([30, 50, 65, 105, 125, 140], small.Pixels);
    }

    [Fact]
    public void Downsample_large_image_uses_every_row()
    {
        var image = new GrayImage(1000, 1000, 255);
        image.Row(999).Fill(0);
        var small = Resampling.Downsample(image, 4);
        Assert.Equal(250, small.Height);
        Assert.Equal((byte)(255 * 3 / 4.0 + 0.5), small[0, 249]);
        Assert.Equal(255, small[0, 248]);
    }

    [Fact]
    public void Warp_identity_and_integer_shift()
    {
        var image = Synthetic(40, 30);
        Assert.Equal(image.Pixels, Resampling.WarpAffine(image, AffineTransform.Identity, 40, 30).Pixels);

        // Output (x, y) reads source (x + 3, y - 2): content moves left 3 and down 2.
        var shifted = Resampling.WarpAffine(image, AffineTransform.Translate(3, -2), 40, 30, fill: 9);
        Assert.Equal(image[13, 10], shifted[10, 12]);
        Assert.Equal(9, shifted[5, 0]);      // row -2 is outside the source
        Assert.Equal(9, shifted[39, 15]);    // column 42 is outside
    }

    [Fact]
    public void Warp_interpolates_bilinearly_and_rotates()
    {
        var image = new GrayImage(2, 1, [0, 200]);
        var half = Resampling.WarpAffine(image, AffineTransform.Translate(0.5, 0), 1, 1);
        Assert.Equal(100, half[0, 0]);

        var source = Synthetic(30, 20);
        // Rotate 90°: output (x, y) samples source (y, H - 1 - x), so the output is 20 wide and 30 tall.
        var dstToSrc = new AffineTransform(0, 1, 0, -1, 0, 19);
        var rotated = Resampling.WarpAffine(source, dstToSrc, 20, 30);
        for (int y = 0; y < 30; y++)
        for (int x = 0; x < 20; x++)
            Assert.Equal(source[y, 19 - x], rotated[x, y]);
    }

    [Fact]
    public void Warp_of_a_large_page_runs_in_parallel_and_matches_the_small_path()
    {
        var page = Synthetic(1200, 900);
        var t = AffineTransform.Similarity(1.02, 0.01, -4.5, 3.25);
        var warped = Resampling.WarpAffine(page, t, 1200, 900);
        var crop = Resampling.WarpAffine(page, AffineTransform.Translate(100, 200).Then(t), 50, 40);
        for (int y = 0; y < 40; y++)
        for (int x = 0; x < 50; x++)
            Assert.InRange(crop[x, y] - warped[x + 100, y + 200], -1, 1); // rounding of incremental coordinates
    }

    [Fact]
    public void Perspective_warp_matches_the_affine_warp_for_an_affine_map_and_follows_a_homography()
    {
        var image = Synthetic(40, 30);
        var affine = new AffineTransform(0.9, 0.1, 2, -0.05, 1.1, 1);
        Assert.Equal(Resampling.WarpAffine(image, affine, 35, 25).Pixels,
            Resampling.WarpPerspective(image, Homography.From(affine), 35, 25).Pixels);

        var h = Homography.FromCorners([new(0, 0), new(19, 0), new(19, 14), new(0, 14)], [new(2, 1), new(37, 3), new(35, 28), new(1, 26)]);
        var warped = Resampling.WarpPerspective(image, h, 20, 15, fill: 7);
        for (int y = 0; y < 15; y += 7)
        for (int x = 0; x < 20; x += 9)
        {
            var p = h.Apply(new PointD(x, y));
            int x0 = (int)Math.Floor(p.X), y0 = (int)Math.Floor(p.Y);
            double fx = p.X - x0, fy = p.Y - y0;
            double top = image[x0, y0] + (image[x0 + 1, y0] - image[x0, y0]) * fx;
            double bottom = image[x0, y0 + 1] + (image[x0 + 1, y0 + 1] - image[x0, y0 + 1]) * fx;
            Assert.Equal(Math.Round(top + (bottom - top) * fy, MidpointRounding.AwayFromZero), warped[x, y], 1.0);
        }
        var outside = Resampling.WarpPerspective(image, h.Then(AffineTransform.Translate(500, 0)), 4, 4, fill: 7);
        Assert.All(outside.Pixels, p => Assert.Equal(7, p));
    }

    private static GrayImage Synthetic(int w, int h)
    {
        var image = new GrayImage(w, h);
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            image[x, y] = (byte)((x * 7 + y * 13) % 256);
        return image;
    }
}

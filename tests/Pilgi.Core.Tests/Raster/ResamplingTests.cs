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

    private static GrayImage Synthetic(int w, int h)
    {
        var image = new GrayImage(w, h);
        for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            image[x, y] = (byte)((x * 7 + y * 13) % 256);
        return image;
    }
}

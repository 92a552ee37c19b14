using Pilgi.Core.Raster;
using Pilgi.Inference.Recognition;

namespace Pilgi.Inference.Tests.Recognition;

public class LineImageNormalizerTests
{
    [Fact]
    public void Keeps_the_aspect_and_rounds_the_width_up_to_the_multiple()
    {
        var crop = new GrayImage(300, 60);
        Assert.Equal(160, LineImageNormalizer.TargetWidth(crop, 32, 8, 1024, 4));
        Assert.Equal(164, LineImageNormalizer.TargetWidth(new GrayImage(305, 60), 32, 8, 1024, 4));
    }

    [Fact]
    public void Clamps_very_wide_and_very_narrow_crops()
    {
        Assert.Equal(1024, LineImageNormalizer.TargetWidth(new GrayImage(9000, 40), 32, 8, 1024, 4));
        Assert.Equal(8, LineImageNormalizer.TargetWidth(new GrayImage(2, 40), 32, 8, 1024, 4));
    }

    [Fact]
    public void Area_averages_into_zero_to_one_with_paper_white()
    {
        var crop = new GrayImage(64, 64);
        for (int y = 0; y < 64; y++)
            for (int x = 0; x < 32; x++) crop[x, y] = 0; // left half ink
        var target = new float[32 * 40];
        Array.Fill(target, 1f);
        LineImageNormalizer.Write(crop, 32, 32, target, 40);
        Assert.Equal(0f, target[5 * 40 + 3], 3);
        Assert.Equal(1f, target[5 * 40 + 30], 3);
        Assert.Equal(1f, target[5 * 40 + 35], 3); // padding untouched
    }

    [Fact]
    public void The_triangle_filter_shrinks_as_pillow_s_bilinear_resize_does()
    {
        // Pillow 9.4, Image.resize((4, 3), Image.BILINEAR) of this 10 x 6 image: 200 grey, row 2 black, column 7 at 50
        var crop = new GrayImage(10, 6);
        for (int y = 0; y < 6; y++)
            for (int x = 0; x < 10; x++) crop[x, y] = (byte)(y == 2 ? 0 : x == 7 ? 50 : 200);
        int[,] pillow = { { 171, 171, 146, 142 }, { 125, 125, 106, 104 }, { 200, 200, 170, 166 } };
        var target = new float[3 * 4];

        LineImageNormalizer.Write(crop, 3, 4, target, 4, LineScaling.Triangle);

        for (int y = 0; y < 3; y++)
            for (int x = 0; x < 4; x++) Assert.InRange(target[y * 4 + x] * 255, pillow[y, x] - 1, pillow[y, x] + 1);
    }

    [Fact]
    public void The_triangle_filter_spreads_a_thin_stroke_over_its_neighbours_where_area_averaging_halves_it()
    {
        var crop = new GrayImage(8, 8);
        for (int y = 0; y < 8; y++)
            for (int x = 0; x < 8; x++) crop[x, y] = (byte)(x == 3 ? 0 : 255);
        var area = new float[4 * 4];
        var tent = new float[4 * 4];

        LineImageNormalizer.Write(crop, 4, 4, area, 4);
        LineImageNormalizer.Write(crop, 4, 4, tent, 4, LineScaling.Triangle);

        Assert.Equal([1f, 0.5f, 1f, 1f], area[..4]);
        Assert.InRange(tent[1] * 255, 158, 160); // Pillow's bilinear: 255 159 223 255
        Assert.InRange(tent[2] * 255, 222, 224);
        Assert.Equal(1f, tent[0], 3);
    }

    [Fact]
    public void The_triangle_filter_keeps_an_even_grey_and_leaves_the_padding_alone()
    {
        var crop = new GrayImage(37, 23);
        for (int y = 0; y < 23; y++)
            for (int x = 0; x < 37; x++) crop[x, y] = 128;
        var target = new float[32 * 60];
        Array.Fill(target, 1f);

        LineImageNormalizer.Write(crop, 32, 52, target, 60, LineScaling.Triangle); // enlarged, not shrunk

        for (int y = 0; y < 32; y++)
        {
            for (int x = 0; x < 52; x++) Assert.Equal(128f / 255, target[y * 60 + x], 4);
            for (int x = 52; x < 60; x++) Assert.Equal(1f, target[y * 60 + x]);
        }
    }
}


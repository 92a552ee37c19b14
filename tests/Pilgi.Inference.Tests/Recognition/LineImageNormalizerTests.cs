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
    public void Shrinks_as_training_did_with_a_widened_triangle_filter()
    {
        // the reference values are Pillow's: Image.fromarray(a).resize((4, 2), Image.BILINEAR)
        var crop = new GrayImage(12, 4);
        for (int y = 0; y < 4; y++)
        {
            for (int x = 0; x < 12; x++) crop[x, y] = 255;
            crop[5, y] = 0;
            crop[6, y] = 100;
        }
        var target = new float[2 * 6];
        Array.Fill(target, 1f);
        LineImageNormalizer.Write(crop, 2, 4, target, 6);
        float[] pillow = [255, 181, 192, 255];
        for (int y = 0; y < 2; y++)
            for (int x = 0; x < 4; x++) Assert.Equal(pillow[x] / 255f, target[y * 6 + x], 2);
        Assert.Equal(1f, target[4]); // padding untouched
        Assert.Equal(1f, target[5]);
    }

    [Fact]
    public void Enlarges_as_training_did_with_a_triangle_filter()
    {
        var crop = new GrayImage(3, 2);
        for (int y = 0; y < 2; y++)
        {
            crop[0, y] = 255;
            crop[1, y] = 0;
            crop[2, y] = 255;
        }
        var target = new float[4 * 6];
        LineImageNormalizer.Write(crop, 4, 6, target, 6);
        float[] pillow = [255, 191, 64, 64, 191, 255];
        for (int y = 0; y < 4; y++)
            for (int x = 0; x < 6; x++) Assert.Equal(pillow[x] / 255f, target[y * 6 + x], 2);
    }

    [Fact]
    public void Scales_the_content_to_its_own_width_not_the_rounded_up_one()
    {
        var crop = new GrayImage(305, 60);
        Assert.Equal(163, LineImageNormalizer.ContentWidth(crop, 32, 8, 1024));
        Assert.Equal(164, LineImageNormalizer.TargetWidth(crop, 32, 8, 1024, 4));
    }
}

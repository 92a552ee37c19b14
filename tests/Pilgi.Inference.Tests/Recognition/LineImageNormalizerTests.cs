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
}

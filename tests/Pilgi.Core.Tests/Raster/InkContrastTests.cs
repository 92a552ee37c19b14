using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class InkContrastTests
{
    /// <summary>Vertical bars 3 px wide and 40 high, every 20 px, in <paramref name="ink"/> on a 200 x 60 crop of <paramref name="paper"/>.</summary>
    private static GrayImage Bars(byte ink, byte paper)
    {
        var crop = new GrayImage(200, 60, paper);
        for (int y = 10; y < 50; y++)
            for (int x = 0; x < 200; x++)
                if (x % 20 >= 5 && x % 20 < 8) crop[x, y] = ink;
        return crop;
    }

    [Fact]
    public void Ink_and_paper_are_the_strokes_cores_and_the_paper_s_usual_level()
    {
        var crop = Bars(120, 230);
        crop[0, 0] = 0; // a stray dark speck is not the ink's level

        Assert.Equal((120, 230), InkContrast.Measure(crop));
        Assert.Null(InkContrast.Measure(new GrayImage(100, 40, 235)));
    }

    [Fact]
    public void Light_ink_is_darkened_to_the_level_and_what_lies_between_in_proportion_the_paper_kept()
    {
        var crop = Bars(130, 230);
        crop[1, 1] = 180; // half way between ink and paper

        var darkened = InkContrast.Darkened(crop, 60);

        Assert.Equal(60, darkened[5, 20]);
        Assert.Equal(230, darkened[0, 5]);
        Assert.Equal(145, darkened[1, 1]); // 230 − 50 × 170 / 100
        Assert.Equal(130, crop[5, 20]); // the crop itself untouched
    }

    [Fact]
    public void Ink_already_as_dark_as_the_level_and_crops_without_writing_are_left_as_they_are()
    {
        var dark = Bars(40, 230);
        var faint = Bars(200, 230); // too little contrast to tell ink from a smudge
        var blank = new GrayImage(80, 30, 240);

        Assert.Same(dark, InkContrast.Darkened(dark, 60));
        Assert.Same(faint, InkContrast.Darkened(faint, 60));
        Assert.Same(blank, InkContrast.Darkened(blank, 60));
    }
}

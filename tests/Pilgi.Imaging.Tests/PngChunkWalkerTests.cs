using Pilgi.Imaging.Tests.TestSupport;

namespace Pilgi.Imaging.Tests;

public class PngChunkWalkerTests
{
    [Fact]
    public void Complete_png_passes()
    {
        using var noise = SampleImages.Noise(64, 48);
        PngChunkWalker.EnsureComplete(SampleImages.Png(noise));
        PngChunkWalker.EnsureComplete(HandMadeFiles.PngDeclaring(100, 100));
    }

    [Fact]
    public void A_png_cut_anywhere_fails()
    {
        using var noise = SampleImages.Noise(64, 48);
        var png = SampleImages.Png(noise);

        for (int length = 8; length < png.Length; length += 101)
            Assert.Throws<InvalidDataException>(() => PngChunkWalker.EnsureComplete(png.AsSpan(0, length)));
        Assert.Throws<InvalidDataException>(() => PngChunkWalker.EnsureComplete(png.AsSpan(0, png.Length - 1)));
    }
}

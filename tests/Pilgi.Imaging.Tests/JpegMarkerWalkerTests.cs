using Pilgi.Imaging.Tests.TestSupport;
using SixLabors.ImageSharp.Formats.Jpeg;

namespace Pilgi.Imaging.Tests;

public class JpegMarkerWalkerTests
{
    [Fact]
    public void Complete_jpegs_pass()
    {
        using var noise = SampleImages.Noise(64, 48);
        JpegMarkerWalker.EnsureComplete(SampleImages.Jpeg(noise));
        JpegMarkerWalker.EnsureComplete(SampleImages.Jpeg(noise, JpegColorType.Luminance));
        JpegMarkerWalker.EnsureComplete(CmykJpegSample.Bytes);
    }

    [Fact]
    public void A_jpeg_cut_anywhere_fails()
    {
        using var noise = SampleImages.Noise(64, 48);
        var jpeg = SampleImages.Jpeg(noise);

        for (int length = 3; length < jpeg.Length; length += 97)
            Assert.Throws<InvalidDataException>(() => JpegMarkerWalker.EnsureComplete(jpeg.AsSpan(0, length)));
        Assert.Throws<InvalidDataException>(() => JpegMarkerWalker.EnsureComplete(jpeg.AsSpan(0, jpeg.Length - 1)));
    }
}

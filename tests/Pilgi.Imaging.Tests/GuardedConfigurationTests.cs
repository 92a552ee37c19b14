namespace Pilgi.Imaging.Tests;

public class GuardedConfigurationTests
{
    [Fact]
    public void Only_jpeg_png_and_tiff_are_registered()
    {
        var names = GuardedConfiguration.Shared.ImageFormats.Select(f => f.Name).OrderBy(n => n);

        Assert.Equal(["JPEG", "PNG", "TIFF"], names);
    }
}

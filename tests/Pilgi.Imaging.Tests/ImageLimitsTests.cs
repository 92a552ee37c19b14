using Microsoft.Extensions.Configuration;

namespace Pilgi.Imaging.Tests;

public class ImageLimitsTests
{
    [Fact]
    public void Defaults_match_the_documented_limits()
    {
        var limits = new ImageLimits();

        Assert.Equal(40L * 1024 * 1024, limits.MaxBytes);
        Assert.Equal((12_000, 12_000), (limits.MaxWidth, limits.MaxHeight));
        Assert.Equal(50_000_000, limits.MaxPixelsPerPage);
        Assert.Equal(20, limits.MaxPages);
        Assert.Equal(200_000_000, limits.MaxTotalPixels);
        Assert.Equal((100, 100), (limits.MinWidth, limits.MinHeight));
        Assert.Equal(TimeSpan.FromSeconds(20), limits.DecodeTimeout);
    }

    [Fact]
    public void Binds_from_the_pilgi_limits_section()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Pilgi:Limits:MaxBytes"] = "1048576",
                ["Pilgi:Limits:MaxPages"] = "5",
                ["Pilgi:Limits:DecodeTimeout"] = "00:00:03",
            })
            .Build();

        var limits = configuration.GetSection(ImageLimits.SectionName).Get<ImageLimits>()!;

        Assert.Equal(1_048_576, limits.MaxBytes);
        Assert.Equal(5, limits.MaxPages);
        Assert.Equal(TimeSpan.FromSeconds(3), limits.DecodeTimeout);
        Assert.Equal(12_000, limits.MaxWidth);
    }

    [Fact]
    public void Unworkable_limits_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits { MaxPages = 0 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits { MinWidth = 20_000 }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImageLimits { DecodeTimeout = TimeSpan.Zero }.Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new GuardedDecoder(new ImageLimits { MaxBytes = -1 }));
    }

    [Fact]
    public void Decoder_keeps_its_own_copy_of_the_limits()
    {
        var limits = new ImageLimits { MaxPages = 3 };
        var decoder = new GuardedDecoder(limits);

        limits.MaxPages = 500;

        Assert.Equal(3, decoder.Limits.MaxPages);
    }
}

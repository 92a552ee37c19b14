namespace Pilgi.Imaging.Tests;

public class SealInkFilterTests
{
    [Theory]
    [InlineData(220, 30, 40)]   // vermilion seal
    [InlineData(240, 140, 30)]  // orange stamp
    [InlineData(200, 120, 120)] // pale seal edge
    public void Red_and_orange_ink_is_seal_ink(byte r, byte g, byte b) =>
        Assert.True(SealInkFilter.Default.IsSealInk(r, g, b));

    [Theory]
    [InlineData(20, 40, 160)]   // blue ballpoint
    [InlineData(10, 10, 10)]    // black ink
    [InlineData(255, 255, 255)] // paper
    [InlineData(100, 20, 20)]   // dark red: too dark to be sure it is a seal
    [InlineData(230, 190, 190)] // faint pink background tint
    [InlineData(160, 40, 160)]  // purple: red does not lead blue
    public void Other_colours_are_not(byte r, byte g, byte b) =>
        Assert.False(SealInkFilter.Default.IsSealInk(r, g, b));

    [Fact]
    public void Disabled_filter_matches_nothing() =>
        Assert.False(SealInkFilter.Disabled.IsSealInk(220, 30, 40));
}

using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class BlankPageTests
{
    [Fact]
    public void White_paper_with_a_few_specks_is_blank()
    {
        var page = new GrayImage(600, 800, 240);
        for (int k = 0; k < 200; k++) page[(k * 37) % 600, (k * 53) % 800] = 20;
        Assert.True(BlankPage.IsBlank(page));
    }

    [Fact]
    public void A_grey_scan_of_empty_paper_is_blank()
    {
        var page = new GrayImage(600, 800, 170);
        for (int x = 0; x < 12; x++)
            for (int y = 0; y < 800; y++) page[x, y] = 40; // the scanner lid's dark edge
        Assert.False(BlankPage.IsBlank(page)); // a dark strip of 2 % is more than specks …
        var clean = new GrayImage(600, 800, 170);
        Assert.True(BlankPage.IsBlank(clean)); // … while grey paper alone is blank
    }

    [Fact]
    public void A_page_with_printed_rules_is_not_blank()
    {
        var page = new GrayImage(600, 800);
        for (int r = 0; r < 10; r++)
            for (int x = 50; x < 550; x++) page[x, 100 + r * 60] = 30;
        Assert.False(BlankPage.IsBlank(page));
    }
}

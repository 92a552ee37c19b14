using Pilgi.Core.Raster;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Pipeline.Tests.Steps;

public class CropSheetTests
{
    [Fact]
    public void Every_crop_is_cut_back_out_exactly_from_where_the_sheet_put_it()
    {
        var random = new Random(5);
        var crops = Enumerable.Range(0, 60).Select(_ => Noise(random.Next(1, 900), random.Next(1, 160), random)).ToList();

        var sheet = CropSheet.Pack(crops);

        Assert.Equal(crops.Count, sheet.Places.Count);
        Assert.Equal(CropSheet.ShelfWidth, sheet.Image.Width);
        for (int i = 0; i < crops.Count; i++)
        {
            Assert.Equal((crops[i].Width, crops[i].Height), (sheet.Places[i].W, sheet.Places[i].H));
            Assert.Equal(crops[i].Pixels, sheet.Image.Crop(sheet.Places[i]).Pixels);
            for (int j = i + 1; j < crops.Count; j++)
                Assert.True(sheet.Places[i].ToBox().Intersect(sheet.Places[j].ToBox()).IsEmpty, $"crops {i} and {j} overlap");
        }
        // crops share shelves: the sheet is well short of the crops stacked one under another
        Assert.True(sheet.Image.Height < crops.Sum(c => c.Height) * 3 / 4, $"{sheet.Image.Height} rows");
    }

    [Fact]
    public void A_crop_wider_than_a_shelf_widens_the_sheet_and_the_gutters_stay_white()
    {
        var wide = Noise(CropSheet.ShelfWidth + 300, 20, new Random(1));
        var small = new GrayImage(10, 10, GrayImage.Black);

        var sheet = CropSheet.Pack([small, wide, small]);

        Assert.Equal(CropSheet.ShelfWidth + 300, sheet.Image.Width);
        Assert.Equal(wide.Pixels, sheet.Image.Crop(sheet.Places[1]).Pixels);
        Assert.Equal(0, sheet.Places[1].X); // it did not fit beside the first: a shelf of its own
        var first = sheet.Places[0];
        Assert.All(Enumerable.Range(first.Right, CropSheet.Gutter), x => Assert.Equal(GrayImage.White, sheet.Image[x, 0]));
    }

    [Fact]
    public void An_empty_list_has_no_sheet()
    {
        Assert.Throws<ArgumentException>(() => CropSheet.Pack([]));
    }

    private static GrayImage Noise(int width, int height, Random random)
    {
        var pixels = new byte[width * height];
        random.NextBytes(pixels);
        return new GrayImage(width, height, pixels);
    }
}

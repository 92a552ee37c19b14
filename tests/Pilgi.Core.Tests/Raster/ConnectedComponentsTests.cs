using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class ConnectedComponentsTests
{
    private static BinaryMask Parse(params string[] rows)
    {
        var mask = new BinaryMask(rows[0].Length, rows.Length);
        for (int y = 0; y < rows.Length; y++)
        for (int x = 0; x < rows[y].Length; x++)
            mask[x, y] = rows[y][x] == '#';
        return mask;
    }

    [Fact]
    public void Eight_connectivity_joins_diagonals_four_does_not()
    {
        var mask = Parse(
            "#.....",
            ".#..##",
            "..#.##",
            "......",
            "#.....");

        var eight = ConnectedComponents.Find(mask);
        Assert.Equal(3, eight.Count);
        Assert.Equal(new ConnectedComponent(new IntRect(0, 0, 3, 3), 3), eight[0]);
        Assert.Equal(new ConnectedComponent(new IntRect(4, 1, 2, 2), 4), eight[1]);
        Assert.Equal(new ConnectedComponent(new IntRect(0, 4, 1, 1), 1), eight[2]);

        Assert.Equal(5, ConnectedComponents.Find(mask, connectivity: 4).Count);
        Assert.Equal(2, ConnectedComponents.Find(mask, minPixels: 2).Count);
    }

    [Fact]
    public void Large_filled_blob_does_not_overflow()
    {
        var mask = new BinaryMask(600, 500);
        mask.Fill(new IntRect(10, 10, 580, 480));
        var components = ConnectedComponents.Find(mask);
        Assert.Single(components);
        Assert.Equal(580 * 480, components[0].PixelCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => ConnectedComponents.Find(mask, connectivity: 6));
    }
}

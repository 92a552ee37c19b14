using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Core.Tests.Raster;

public class MorphologyTests
{
    [Fact]
    public void Dilate_grows_a_pixel_into_a_square_clipped_at_borders()
    {
        var mask = new BinaryMask(10, 8);
        mask[6, 5] = true;
        mask[0, 0] = true;

        var grown = Morphology.Dilate(mask, 2);

        var components = ConnectedComponents.Find(grown);
        Assert.Equal(2, components.Count);
        Assert.Equal(new IntRect(0, 0, 3, 3), components[0].Bounds);
        Assert.Equal(new IntRect(4, 3, 5, 5), components[1].Bounds);
        Assert.Equal(25, components[1].PixelCount);
    }

    [Fact]
    public void Dilate_matches_brute_force_on_random_masks()
    {
        var random = new Random(9);
        var mask = new BinaryMask(37, 23);
        for (int i = 0; i < mask.Bits.Length; i++) mask.Bits[i] = random.Next(40) == 0 ? (byte)1 : (byte)0;

        var grown = Morphology.Dilate(mask, 3);

        for (int y = 0; y < mask.Height; y++)
        for (int x = 0; x < mask.Width; x++)
        {
            bool expected = false;
            for (int dy = -3; dy <= 3 && !expected; dy++)
            for (int dx = -3; dx <= 3 && !expected; dx++)
            {
                int nx = x + dx, ny = y + dy;
                expected = nx >= 0 && ny >= 0 && nx < mask.Width && ny < mask.Height && mask[nx, ny];
            }
            Assert.Equal(expected, grown[x, y]);
        }
    }
}

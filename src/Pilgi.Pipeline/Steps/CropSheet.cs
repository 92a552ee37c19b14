using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;

namespace Pilgi.Pipeline.Steps;

/// <summary>
/// A page's crops packed into one image (shelves left to right, top to bottom, a white gutter between them), so
/// that a page's regions cost one work blob instead of one each: on storage every blob is a request to write and
/// one to read, and a form has 40-60 regions.
/// </summary>
public sealed class CropSheet
{
    /// <summary>Width of a sheet unless a crop is wider.</summary>
    public const int ShelfWidth = 2048;

    /// <summary>White pixels between crops (a recogniser never sees them: each crop is cut back out exactly).</summary>
    public const int Gutter = 2;

    private CropSheet(GrayImage image, IReadOnlyList<IntRect> places)
    {
        Image = image;
        Places = places;
    }

    public GrayImage Image { get; }

    /// <summary>Where each crop lies on <see cref="Image"/>, in the order packed.</summary>
    public IReadOnlyList<IntRect> Places { get; }

    /// <summary>Packs <paramref name="crops"/> in their order; at least one crop.</summary>
    public static CropSheet Pack(IReadOnlyList<GrayImage> crops)
    {
        ArgumentNullException.ThrowIfNull(crops);
        if (crops.Count == 0) throw new ArgumentException("A sheet needs at least one crop.", nameof(crops));
        int width = Math.Max(ShelfWidth, crops.Max(c => c.Width));
        var places = new IntRect[crops.Count];
        int x = 0, y = 0, shelf = 0;
        for (int i = 0; i < crops.Count; i++)
        {
            var crop = crops[i];
            if (x > 0 && x + crop.Width > width)
            {
                y += shelf + Gutter;
                x = shelf = 0;
            }
            places[i] = new IntRect(x, y, crop.Width, crop.Height);
            x += crop.Width + Gutter;
            shelf = Math.Max(shelf, crop.Height);
        }
        var sheet = new GrayImage(width, y + shelf);
        for (int i = 0; i < crops.Count; i++)
        {
            var (crop, place) = (crops[i], places[i]);
            for (int row = 0; row < crop.Height; row++)
                crop.Pixels.AsSpan(row * crop.Width, crop.Width).CopyTo(sheet.Pixels.AsSpan((place.Y + row) * width + place.X, crop.Width));
        }
        return new CropSheet(sheet, places);
    }
}

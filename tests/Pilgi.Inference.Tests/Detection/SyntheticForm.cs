using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Templates;

namespace Pilgi.Inference.Tests.Detection;

/// <summary>A small ruled form drawn in code, and "handwriting" scribbled into its fields.</summary>
internal static class SyntheticForm
{
    public const int Width = 1240, Height = 1754;

    public static FormTemplate Template() => new()
    {
        Id = "synthetic",
        Title = "테스트",
        PageWidth = Width,
        PageHeight = Height,
        Reference = "synthetic.png",
        ReferencePath = "synthetic.png",
        Fields =
        [
            new TemplateField("name", "성명", FieldKind.Name, new Box(400, 300, 700, 100)),
            new TemplateField("amount", "금액", FieldKind.Amount, new Box(400, 500, 700, 100)),
            new TemplateField("memo", "메모", FieldKind.Text, new Box(400, 700, 700, 100)),
        ],
    };

    public static GrayImage Reference()
    {
        var img = new GrayImage(Width, Height);
        var rng = new Random(7);
        // table rules around the fields and label cells with "printed text" blocks
        for (int row = 0; row < 4; row++) FillRect(img, 100, 290 + row * 200, 1010, 4, 0);
        FillRect(img, 100, 290, 4, 604, 0);
        FillRect(img, 1106, 290, 4, 604, 0);
        FillRect(img, 380, 290, 4, 604, 0);
        for (int row = 0; row < 3; row++)
            for (int k = 0; k < 4; k++)
                FillRect(img, 130 + k * 55, 330 + row * 200, 40, 40, 30);
        // title and footer text-like blocks give registration something distinctive
        for (int k = 0; k < 12; k++) FillRect(img, 300 + k * 60 + rng.Next(10), 120, 45, 60, 20);
        for (int k = 0; k < 30; k++) FillRect(img, 100 + k * 34, 1500 + rng.Next(20), 24, 28, 40);
        for (int k = 0; k < 20; k++) FillRect(img, 150 + rng.Next(900), 1000 + rng.Next(400), 30 + rng.Next(60), 4, 0);
        return img;
    }

    /// <summary>Scribbles strokes inside <paramref name="box"/>; returns their tight bounds.</summary>
    public static Box Scribble(GrayImage img, Box box, int seed)
    {
        var rng = new Random(seed);
        int x0 = (int)box.X + 40, y0 = (int)box.Y + 25, x1 = x0 + 300, y1 = y0 + 50;
        for (int k = 0; k < 14; k++)
        {
            int cx = x0 + k * 20;
            FillRect(img, cx, y0 + rng.Next(5), 5, 45, 20);
            FillRect(img, cx, y0 + 20 + rng.Next(10), 16, 5, 20);
        }
        return new Box(x0, y0, x1 - x0 - 4, y1 - y0);
    }

    public static void FillRect(GrayImage img, int x, int y, int w, int h, byte value)
    {
        for (int yy = Math.Max(0, y); yy < Math.Min(img.Height, y + h); yy++)
            for (int xx = Math.Max(0, x); xx < Math.Min(img.Width, x + w); xx++)
                img[xx, yy] = value;
    }
}

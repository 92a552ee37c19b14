namespace Pilgi.Imaging;

/// <summary>Pixel dimensions of one page as declared by a file header, before any decoding.</summary>
internal readonly record struct PageSize(int Width, int Height)
{
    public long Pixels => (long)Width * Height;

    public override string ToString() => $"{Width}x{Height}";
}

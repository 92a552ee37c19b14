namespace Pilgi.Imaging.Pdf;

/// <summary>Undoes PNG's per-row filters (a Flate image with /Predictor 10 to 15 stores its rows like a PNG's).</summary>
internal static class PngRowFilters
{
    /// <param name="filtered">Each row: one filter-type byte, then <paramref name="rowBytes"/> bytes.</param>
    public static byte[] Undo(byte[] filtered, int rowBytes, int height, int bytesPerPixel)
    {
        var output = new byte[(long)rowBytes * height];
        for (int y = 0; y < height; y++)
        {
            byte filter = filtered[(long)y * (rowBytes + 1)];
            var source = filtered.AsSpan((int)((long)y * (rowBytes + 1) + 1), rowBytes);
            var row = output.AsSpan(y * rowBytes, rowBytes);
            var above = y == 0 ? Span<byte>.Empty : output.AsSpan((y - 1) * rowBytes, rowBytes);
            for (int x = 0; x < rowBytes; x++)
            {
                int left = x >= bytesPerPixel ? row[x - bytesPerPixel] : 0;
                int up = above.IsEmpty ? 0 : above[x];
                int upLeft = x >= bytesPerPixel && !above.IsEmpty ? above[x - bytesPerPixel] : 0;
                int predicted = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"unknown PNG row filter {filter} in row {y + 1}."),
                };
                row[x] = (byte)(source[x] + predicted);
            }
        }
        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

namespace Pilgi.Core.Raster;

/// <summary>Runs a per-row body in parallel only when the image is big enough to repay the scheduling.</summary>
internal static class ParallelRows
{
    private const long MinPixelsForParallel = 1 << 18;

    public static void For(int rows, int rowLength, Action<int> body)
    {
        if ((long)rows * rowLength < MinPixelsForParallel || Environment.ProcessorCount == 1)
        {
            for (int y = 0; y < rows; y++) body(y);
            return;
        }
        Parallel.For(0, rows, body);
    }
}

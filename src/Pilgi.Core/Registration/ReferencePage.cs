using Pilgi.Core.Raster;

namespace Pilgi.Core.Registration;

/// <summary>A template's blank reference prepared once for registration: its pyramid levels and chosen patches.</summary>
public sealed class ReferencePage
{
    internal ReferencePage(GrayImage full, GrayImage coarse, GrayImage fine,
        List<(int X, int Y)> coarsePatches, List<(int X, int Y)> finePatches)
    {
        Full = full;
        Coarse = coarse;
        Fine = fine;
        CoarsePatches = coarsePatches;
        FinePatches = finePatches;
    }

    public GrayImage Full { get; }
    public int Width => Full.Width;
    public int Height => Full.Height;
    internal GrayImage Coarse { get; }
    internal GrayImage Fine { get; }
    internal List<(int X, int Y)> CoarsePatches { get; }
    internal List<(int X, int Y)> FinePatches { get; }
}

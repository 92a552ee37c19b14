using Pilgi.Core.Raster;

namespace Pilgi.Inference.Tests.Recognition;

/// <summary>The committed recogniser release and a crop any model reads something from, for tests that run it.</summary>
internal static class CommittedRelease
{
    public static string Descriptor { get; } = Path.Combine(RepoRoot(), "models", "recognizer", "pilgi-rec.json");

    /// <summary>Six dark bars on paper (120 x 40).</summary>
    public static GrayImage BarLine()
    {
        var crop = new GrayImage(120, 40);
        for (int y = 0; y < 40; y++)
            for (int x = 0; x < 120; x++) crop[x, y] = (byte)(y is > 10 and < 30 && x % 20 < 6 ? 20 : 245);
        return crop;
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("Pipeline.sln not found above the test's folder.");
    }
}

using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Pipeline.Reading;
using Pilgi.Pipeline.Steps;

namespace Pilgi.Cli.Composition;

/// <summary>
/// Writes <c>&lt;out&gt;/&lt;relative path&gt;.json</c>, <c>.overlay.png</c> and <c>.error.json</c>, the scan's extension
/// dropped as in the storage contract (<c>scans/a/001.jpg</c> → <c>results/a/001.json</c>).
/// </summary>
public sealed class ResultFiles(string outDir, OverlayPainter painter)
{
    public void WriteResult(string relativePath, ScanReading reading)
    {
        var basePath = Prepare(relativePath);
        File.Delete(basePath + ".error.json");
        File.WriteAllBytes(basePath + ".json", ResultJson.SerializeToUtf8Bytes(reading.Result));
        using var overlay = painter.Paint(reading.Pages[0], ResultOverlay.Fields(reading.Result, page: 1));
        File.WriteAllBytes(basePath + ".overlay.png", ImageCodec.EncodePng(overlay));
    }

    public void WriteError(string relativePath, ErrorRecord error)
    {
        var basePath = Prepare(relativePath);
        File.WriteAllBytes(basePath + ".error.json", ResultJson.SerializeToUtf8Bytes(error));
    }

    private string Prepare(string relativePath)
    {
        var basePath = Path.Combine(outDir, Path.ChangeExtension(relativePath, null));
        Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        return basePath;
    }
}

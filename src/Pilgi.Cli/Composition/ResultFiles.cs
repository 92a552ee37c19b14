using Pilgi.Core.Privacy;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;
using Pilgi.Imaging;
using Pilgi.Pipeline.Steps;
using Pilgi.Reading;

namespace Pilgi.Cli.Composition;

/// <summary>
/// Writes <c>&lt;out&gt;/&lt;relative path&gt;.json</c>, <c>.overlay.png</c> and <c>.error.json</c>, the scan's extension
/// dropped as in the storage contract (<c>scans/a/001.jpg</c> → <c>results/a/001.json</c>). Error records are
/// written with their messages masked.
/// </summary>
/// <param name="maskPiiBy">When given, results and overlays show personal numbers masked (as
/// <c>Pilgi:Output:MaskPii</c> does in the pipeline), by the kinds of the template it returns for a template id.</param>
public sealed class ResultFiles(string outDir, OverlayPainter painter, Func<string, FormTemplate>? maskPiiBy = null)
{
    public void WriteResult(string relativePath, ScanReading reading)
    {
        var basePath = Prepare(relativePath);
        var result = reading.Result;
        var template = maskPiiBy is not null && result.Template is { } id ? maskPiiBy(id) : null;
        if (template is not null) result = result.MaskPii(template);
        File.Delete(basePath + ".error.json");
        File.WriteAllBytes(basePath + ".json", ResultJson.SerializeToUtf8Bytes(result));
        using var overlay = painter.Paint(reading.Pages[0], ResultOverlay.Fields(result, page: 1, template?.PersonalNumberFields()));
        File.WriteAllBytes(basePath + ".overlay.png", ImageCodec.EncodePng(overlay));
    }

    public void WriteError(string relativePath, ErrorRecord error)
    {
        var basePath = Prepare(relativePath);
        File.WriteAllBytes(basePath + ".error.json", ResultJson.SerializeToUtf8Bytes(error.MaskPii()));
    }

    private string Prepare(string relativePath)
    {
        var basePath = Path.Combine(outDir, Path.ChangeExtension(relativePath, null));
        Directory.CreateDirectory(Path.GetDirectoryName(basePath)!);
        return basePath;
    }
}

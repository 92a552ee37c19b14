using Pilgi.BadInputs;
using Pilgi.Cli.Tests.Support;
using Pilgi.Core.Metrics;

namespace Pilgi.Cli.Tests.Commands;

/// <summary>
/// <c>pilgi eval --data</c> over scanned PDFs beside images: a PDF is listed and matched to its label by its stem like
/// an image, and a copier's PDF of a scan scores as the scan itself.
/// </summary>
public sealed class EvalPdfTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("pilgi-eval-pdf-");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>A labelled set of the sample scans of <paramref name="layouts"/>, each written by <paramref name="write"/>.</summary>
    private string WriteSet(string name, Func<byte[], (string Extension, byte[] Data)> write, params string[] layouts)
    {
        var root = Path.Combine(_dir.FullName, name);
        foreach (var sub in new[] { "scans", "labels", "templates" }) Directory.CreateDirectory(Path.Combine(root, sub));
        foreach (var file in Directory.GetFiles(RepoPaths.SampleTemplates))
            File.Copy(file, Path.Combine(root, "templates", Path.GetFileName(file)));
        foreach (var layout in layouts)
        {
            var stem = Path.GetFileNameWithoutExtension(RepoPaths.SampleScan(layout));
            var (extension, data) = write(File.ReadAllBytes(RepoPaths.SampleScan(layout)));
            File.WriteAllBytes(Path.Combine(root, "scans", stem + extension), data);
            File.Copy(Path.Combine(RepoPaths.SampleForms, "labels", stem + ".json"), Path.Combine(root, "labels", stem + ".json"));
        }
        return root;
    }

    private async Task<EvalReport> EvalAsync(string data)
    {
        var report = Path.Combine(_dir.FullName, Path.GetFileName(data) + ".json");
        var run = await CliRun.RunAsync("eval", "--data", data, "--report", report);
        Assert.True(run.ExitCode == 0, run.Error);
        Assert.DoesNotContain("scans/", run.Error); // no scan was skipped or failed
        return EvalReportJson.Deserialize(File.ReadAllText(report));
    }

    [Fact]
    public async Task Scanned_pdfs_are_read_and_scored_like_the_images_inside_them()
    {
        var images = WriteSet("images", jpeg => (".jpg", jpeg), "remittance", "deposit");
        var pdfs = WriteSet("pdfs", jpeg => (".pdf", PdfFiles.Scanned([PdfFiles.Jpeg(jpeg)])), "remittance", "deposit");

        var fromImages = await EvalAsync(images);
        var fromPdfs = await EvalAsync(pdfs);

        Assert.Equal(2, fromPdfs.Pages);
        Assert.True(fromPdfs.Fields.Total > 0);
        Assert.Equal(fromImages.Detection, fromPdfs.Detection);
        Assert.Equal(fromImages.Fields, fromPdfs.Fields);
        Assert.Equal(fromImages.Recognition, fromPdfs.Recognition);
    }

    [Fact]
    public async Task A_multi_page_pdf_is_scored_against_its_one_label_like_a_multi_page_tiff()
    {
        var pdfs = WriteSet("two-pages", jpeg => (".pdf", PdfFiles.Scanned([PdfFiles.Jpeg(jpeg), PdfFiles.Jpeg(jpeg)])), "withdrawal");

        var report = await EvalAsync(pdfs);

        Assert.Equal(1, report.Pages);
        Assert.True(report.Fields.Total > 0);
        Assert.True(report.Detection.Tp > 0, "the first page's regions are scored");
    }
}

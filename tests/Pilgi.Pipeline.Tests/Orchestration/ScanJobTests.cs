using Pilgi.Pipeline.Orchestration;

namespace Pilgi.Pipeline.Tests.Orchestration;

public class ScanJobTests
{
    [Fact]
    public void A_job_takes_its_template_from_the_first_folder_and_names_its_outputs_after_the_scan()
    {
        var job = ScanJob.FromPath("scans/remittance/2026/11/001.jpg", "\"0x1\"");

        Assert.Equal("remittance", job.TemplateId);
        Assert.Equal("remittance/2026/11/001.jpg", job.BlobName);
        Assert.Equal("2026/11/001.jpg", job.RelativePath);
        Assert.Equal("remittance/2026/11/001.json", job.ResultBlob);
        Assert.Equal("remittance/2026/11/001.overlay.png", job.OverlayBlob);
        Assert.Equal("remittance/2026/11/001.overlay-2.png", job.OverlayBlobFor(2));
        Assert.Equal("remittance/2026/11/001.json", job.FailureBlob);
        Assert.Equal(ScanInstanceIds.For("scans/remittance/2026/11/001.jpg", "0x1"), job.InstanceId);
        Assert.Equal(job, ScanJob.FromBlob("scans", "remittance/2026/11/001.jpg", "\"0x1\""));
    }

    [Theory]
    [InlineData("scans/deposit/a.b.tiff", "deposit/a.b")]
    [InlineData("scans/deposit/noext", "deposit/noext")]
    [InlineData("scans/deposit/dir.v2/noext", "deposit/dir.v2/noext")]
    public void Only_the_extension_is_dropped_from_output_names(string path, string stem)
    {
        Assert.Equal(stem, ScanJob.FromPath(path, "e").OutputStem);
    }

    [Theory]
    [InlineData("scans/001.jpg")]
    [InlineData("results/remittance/001.jpg")]
    [InlineData("scans/remittance/../001.jpg")]
    [InlineData("001.jpg")]
    public void Paths_outside_the_contract_are_refused(string path)
    {
        Assert.Throws<ArgumentException>(() => ScanJob.FromPath(path, "e"));
    }

    [Fact]
    public void A_job_whose_template_does_not_match_its_folder_is_invalid()
    {
        Assert.Throws<ArgumentException>(() => new ScanJob("scans/remittance/1.jpg", "deposit", "e").Validate());
    }

    [Theory]
    [InlineData("a.jpg", true)]
    [InlineData("a.JPEG", true)]
    [InlineData("a.png", true)]
    [InlineData("a.tif", true)]
    [InlineData("a.tiff", true)]
    [InlineData("a.pdf", true)]
    [InlineData("a.PDF", true)]
    [InlineData("a.json", false)]
    public void Scan_names_are_recognised_by_extension(string name, bool isScan)
    {
        Assert.Equal(isScan, ScanJob.IsScanName(name));
    }
}

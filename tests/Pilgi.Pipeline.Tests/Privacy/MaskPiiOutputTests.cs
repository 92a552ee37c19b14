using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Pilgi.Core.Results;
using Pilgi.Imaging;
using Pilgi.Pipeline.Hosting;
using Pilgi.Pipeline.Orchestration;
using Pilgi.Pipeline.Tests.Support;
using Pilgi.Storage;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Pilgi.Pipeline.Tests.Privacy;

/// <summary><c>Pilgi:Output:MaskPii</c>: results and overlays with personal numbers masked, or as read.</summary>
public class MaskPiiOutputTests
{
    private static readonly string[] PersonalFields = ["sender_rrn", "sender_phone", "account"];

    private static async Task<(ScanResult Result, string Json, Image<Rgb24> Overlay)> ReadRemittanceAsync(bool maskPii)
    {
        await using var host = await PipelineHost.StartAsync(new PersonalNumberRecognizer(),
            configureServices: s => s.Configure<OutputOptions>(o => o.MaskPii = maskPii));
        var job = await host.Storage.JobForAsync(SampleScans.Get("remittance").BlobName);
        var (_, outcome) = await host.RunAsync(job);
        Assert.Equal(ReadScanOutcome.Succeeded, outcome.Status);
        string json = Encoding.UTF8.GetString((await host.Storage.Files.ReadAsync(StorageNames.Results, job.ResultBlob)).Data);
        var overlay = Image.Load<Rgb24>((await host.Storage.Files.ReadAsync(StorageNames.Results, job.OverlayBlob)).Data);
        return (ResultJson.Deserialize(json), json, overlay);
    }

    [Fact]
    public async Task Masked_results_show_no_personal_number_and_their_overlays_hide_the_handwriting()
    {
        var (result, json, overlay) = await ReadRemittanceAsync(maskPii: true);
        using var _ = overlay;

        Assert.Equal("900101-1******", result.Fields["sender_rrn"].Value);
        Assert.Equal("010-****-5678", result.Fields["sender_phone"].Value);
        Assert.Equal("***-***-**6789", result.Fields["account"].Value);
        Assert.Equal("급함 900303-2****** 010-****-6666 ***-**-**5666", result.Fields["purpose"].Value);
        Assert.True(result.Fields["sender_rrn"].Valid, "validation ran on what was read");
        Assert.All(result.Regions.Where(r => r.Field == "sender_phone"), r => Assert.Equal("010-****-5678", r.Text));
        Assert.All(PersonalNumberRecognizer.Secrets, secret => Assert.DoesNotContain(secret, json));
        foreach (var key in PersonalFields) Assert.Equal(1.0, RedactedShare(overlay, result.Fields[key]));
        Assert.True(RedactedShare(overlay, result.Fields["sender"]) < 0.5, "a name's handwriting stays");
    }

    [Fact]
    public async Task By_default_results_are_written_as_read()
    {
        var (result, json, overlay) = await ReadRemittanceAsync(maskPii: false);
        using var _ = overlay;

        Assert.Equal(PersonalNumberRecognizer.Rrn, result.Fields["sender_rrn"].Value);
        Assert.Equal(PersonalNumberRecognizer.Phone, result.Fields["sender_phone"].Value);
        Assert.Equal(PersonalNumberRecognizer.Account, result.Fields["account"].Value);
        Assert.Contains(PersonalNumberRecognizer.Rrn, json);
        foreach (var key in PersonalFields) Assert.True(RedactedShare(overlay, result.Fields[key]) < 0.5, key);
    }

    /// <summary>The share of the field's box painted in the redaction colour.</summary>
    private static double RedactedShare(Image<Rgb24> overlay, FieldResult field)
    {
        var box = Assert.NotNull(field.Box);
        int x0 = (int)Math.Ceiling(box.X), y0 = (int)Math.Ceiling(box.Y), x1 = (int)Math.Floor(box.X + box.W), y1 = (int)Math.Floor(box.Y + box.H);
        int all = 0, redacted = 0;
        for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++, all++)
            if (overlay[x, y].Equals(OverlayStyle.Default.RedactionColor)) redacted++;
        Assert.True(all > 0, "the field has a box on the page");
        return (double)redacted / all;
    }
}

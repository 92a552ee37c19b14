using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Labels;
using Pilgi.Core.Raster;
using Pilgi.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Pilgi.Reading.Tests;

public class FormReaderTests
{
    public static IEnumerable<object[]> SampleScans() =>
        Directory.GetFiles(Path.Combine(RepoPaths.SampleForms, "scans")).Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(SampleScans))]
    public async Task Identifies_the_template_and_finds_every_labelled_value(string scanName)
    {
        var reader = Readers.SampleFixedText;
        var label = LabelLoader.Load(Path.Combine(RepoPaths.SampleForms, "labels", Path.ChangeExtension(scanName, ".json")));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleForms, "scans", scanName));

        var result = (await reader.ReadAsync(bytes, scanName, templateId: null)).Result;

        Assert.Equal(label.FormType, result.Template);
        var filled = label.Boxes.Where(b => b.Handwritten && b.Field is not null).Select(b => b.Field!).ToHashSet();
        var read = result.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).ToHashSet();
        Assert.Equal(filled.Order(), read.Order());
    }

    [Theory]
    [InlineData("remittance-0001.jpg", RotateMode.Rotate180)]
    [InlineData("deposit-0001.jpg", RotateMode.Rotate90)]
    public async Task A_page_scanned_turned_round_reads_as_the_upright_page(string scanName, RotateMode turn)
    {
        var reader = Readers.SampleFixedText;
        var upright = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleForms, "scans", scanName));
        using var image = Image.Load<L8>(upright);
        image.Mutate(x => x.Rotate(turn));
        using var turned = new MemoryStream();
        await image.SaveAsPngAsync(turned);

        var expected = (await reader.ReadAsync(upright, scanName, templateId: null)).Result;
        var actual = (await reader.ReadAsync(turned.ToArray(), scanName, templateId: null)).Result;

        Assert.Equal(expected.Template, actual.Template);
        Assert.Equal(expected.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order(),
            actual.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order());
        // boxes are in the turned scan's pixels: the upright box turned with the page
        var box = expected.Fields.Values.First(f => f.Box is not null).Box!.Value;
        Assert.NotNull(actual.Fields.Values.First(f => f.Box is not null).Box);
        Assert.Equal(turn == RotateMode.Rotate180 ? image.Width - box.X - box.W : image.Width - box.Y - box.H,
            actual.Fields.Values.First(f => f.Box is not null).Box!.Value.X, 6.0);
    }

    [Theory]
    [InlineData("deposit-0001.jpg")]
    [InlineData("remittance-0001.jpg")]
    public async Task A_phone_photo_of_the_sheet_reads_as_the_scan_with_boxes_in_the_photo(string scanName)
    {
        var reader = Readers.SampleFixedText;
        var bytes = await File.ReadAllBytesAsync(Path.Combine(RepoPaths.SampleForms, "scans", scanName));
        var scan = (await new GuardedDecoder().DecodeAsync(bytes, scanName)).Pages[0];
        var (photo, scanToPhoto) = SamplePhotos.PhotoOf(scan);

        var expected = (await reader.ReadAsync(bytes, scanName, templateId: null)).Result;
        var actual = (await reader.ReadAsync(ImageCodec.EncodePng(photo), scanName, templateId: null)).Result;

        Assert.Equal(expected.Template, actual.Template);
        var filled = expected.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order().ToList();
        Assert.Equal(filled, actual.Fields.Where(f => f.Value.Value is not null).Select(f => f.Key).Order());
        foreach (var key in filled)
        {
            var want = scanToPhoto.Apply(expected.Fields[key].Box!.Value);
            var got = actual.Fields[key].Box!.Value;
            Assert.True(Math.Abs(want.X - got.X) < 12 && Math.Abs(want.Y - got.Y) < 12 && Math.Abs(want.Right - got.Right) < 12
                && Math.Abs(want.Bottom - got.Bottom) < 12, $"{key}: {got} in the photo, {want} expected");
        }
    }

    [Theory]
    [InlineData(new byte[0], ReasonCodes.ImageEmpty)]
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E, 0x3C, 0x2F, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, ReasonCodes.ImageUnsupportedFormat)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46 }, ReasonCodes.ImageCorrupt)]
    public async Task Unreadable_uploads_are_refused_with_a_stable_reason_naming_the_scan(byte[] bytes, string reason)
    {
        var reader = Readers.SampleFixedText;
        var e = await Assert.ThrowsAsync<PilgiException>(() => reader.ReadAsync(bytes, "remittance/bad.jpg", null));
        Assert.Equal(reason, e.Reason);
        Assert.Contains("bad.jpg", e.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("deposit")]
    public async Task A_photo_of_a_desk_with_no_sheet_on_it_ends_page_not_found(string? templateId)
    {
        var e = await Assert.ThrowsAsync<PilgiException>(() =>
            Readers.SampleFixedText.ReadAsync(ImageCodec.EncodePng(BareDesk(1600, 1200)), "deposit/desk.png", templateId));

        Assert.Equal(ReasonCodes.PageNotFound, e.Reason);
        Assert.Contains("desk.png", e.Message);
    }

    /// <summary>Wood-like grain: mid-grey streaks with noise, nowhere as bright as paper.</summary>
    private static GrayImage BareDesk(int width, int height)
    {
        var rng = new Random(11);
        var desk = new GrayImage(width, height);
        for (int y = 0; y < height; y++)
        {
            double grain = 110 + 25 * Math.Sin(y / 37.0) + 10 * Math.Sin(y / 5.3);
            for (int x = 0; x < width; x++) desk[x, y] = (byte)Math.Clamp(grain + 8 * Math.Sin(x / 91.0) + rng.Next(-10, 11), 0, 255);
        }
        return desk;
    }
}

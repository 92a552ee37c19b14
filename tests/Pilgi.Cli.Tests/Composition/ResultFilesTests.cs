using Pilgi.Cli.Composition;
using Pilgi.Core.Geometry;
using Pilgi.Core.Raster;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;
using Pilgi.Imaging;
using Pilgi.Reading;

namespace Pilgi.Cli.Tests.Composition;

/// <summary><c>process</c>'s files: results masked with <c>--mask-pii</c>, error records always.</summary>
public sealed class ResultFilesTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("pilgi-out-").FullName;

    private static readonly FormTemplate Template = new()
    {
        Id = "withdrawal", Title = "출금전표", PageWidth = 100, PageHeight = 100, Reference = "withdrawal.png", ReferencePath = "withdrawal.png",
        Fields = [new TemplateField("rrn", "주민등록번호", FieldKind.Rrn, new Box(10, 10, 50, 20))],
    };

    private static ScanReading Reading() => new(new ScanResult
    {
        Scan = "a/001.jpg",
        Template = "withdrawal",
        Pages = 1,
        Fields = { ["rrn"] = new FieldResult { Value = "900101-1234568", Box = new Box(10, 10, 50, 20), Valid = true } },
        Regions = [new RegionResult { Box = new Box(10, 10, 50, 20), Field = "rrn", Text = "900101-1234568" }],
    }, [new GrayImage(100, 100, 255)], [new GrayImage(50, 20, 255)]);

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Theory]
    [InlineData(true, "900101-1******")]
    [InlineData(false, "900101-1234568")]
    public void Results_are_masked_only_when_asked(bool maskPii, string expected)
    {
        new ResultFiles(_out, new OverlayPainter(), maskPii ? _ => Template : null).WriteResult("a/001.jpg", Reading());

        var result = ResultJson.Deserialize(File.ReadAllText(Path.Combine(_out, "a", "001.json")));
        Assert.Equal(expected, result.Fields["rrn"].Value);
        Assert.Equal(expected, result.Regions[0].Text);
        Assert.True(File.Exists(Path.Combine(_out, "a", "001.overlay.png")));
    }

    [Fact]
    public void Error_records_are_always_masked()
    {
        new ResultFiles(_out, new OverlayPainter()).WriteError("a/900101-1234568.jpg",
            new ErrorRecord { Scan = "a/900101-1234568.jpg", Reason = "image_corrupt", Message = "a/900101-1234568.jpg: corrupt" });

        var record = ResultJson.DeserializeError(File.ReadAllText(Path.Combine(_out, "a", "900101-1234568.error.json")));
        Assert.Equal("a/900101-1******.jpg: corrupt", record.Message);
    }
}

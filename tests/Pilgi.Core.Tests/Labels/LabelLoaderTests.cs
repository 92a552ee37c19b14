using Pilgi.Core.Errors;
using Pilgi.Core.Geometry;
using Pilgi.Core.Labels;
using Pilgi.Core.Tests.Support;

namespace Pilgi.Core.Tests.Labels;

public class LabelLoaderTests
{
    private const string Extended = """
        {"Images": {"identifier": "remittance-001", "width": 2480, "height": 3508, "form_type": "remittance"},
         "bbox": [{"id": 0, "data": "홍길동", "x": [760, 980, 980, 760], "y": [560, 560, 650, 650], "handwritten": true, "field": "sender"},
                  {"id": 1, "data": "성명", "x": [100, 300, 300, 100], "y": [560, 560, 650, 650], "handwritten": false}]}
        """;

    private const string PlainAiHub = """
        {"Dataset": {"name": "Text in the wild", "type": "OCR"},
         "Images": {"identifier": "IMG_OCR_53_4PR_09180", "name": "IMG_OCR_53_4PR_09180.jpg", "width": "1240.0", "height": 1754.0, "type": "jpg"},
         "annotations": [],
         "bbox": [{"data": "서울특별시", "id": "3", "x": [10.5, 120.0, 120.0, 10.5], "y": [20.0, 20.0, 60.25, 60.25], "type": "word"},
                  {"data": 2024, "id": 4.0, "x": [200, 260], "y": [20, 60]}]}
        """;

    [Fact]
    public void Parses_the_extended_format()
    {
        var doc = LabelLoader.Parse(Extended, "labels/remittance-001.json");

        Assert.Equal("remittance-001", doc.Identifier);
        Assert.Equal((2480, 3508), (doc.Width, doc.Height));
        Assert.Equal("remittance", doc.FormType);
        Assert.Equal(2, doc.Boxes.Count);
        var sender = doc.Boxes[0];
        Assert.Equal("홍길동", sender.Data);
        Assert.True(sender.Handwritten);
        Assert.Equal("sender", sender.Field);
        Assert.Equal(new Box(760, 560, 220, 90), sender.Bounds);
        Assert.False(doc.Boxes[1].Handwritten);
        Assert.Null(doc.Boxes[1].Field);
        Assert.Equal([new Box(760, 560, 220, 90)], doc.HandwrittenBounds());
        Assert.Equal(["sender"], doc.BoxesByField().Keys);
    }

    [Fact]
    public void Plain_ai_hub_file_loads_with_every_box_handwritten()
    {
        var doc = LabelLoader.Parse(PlainAiHub, "aihub/IMG_OCR_53_4PR_09180.json");

        Assert.Equal("IMG_OCR_53_4PR_09180", doc.Identifier);
        Assert.Equal((1240, 1754), (doc.Width, doc.Height));
        Assert.Null(doc.FormType);
        Assert.Equal(2, doc.Boxes.Count);
        Assert.All(doc.Boxes, b => Assert.True(b.Handwritten));
        Assert.All(doc.Boxes, b => Assert.Null(b.Field));
        Assert.Equal(3, doc.Boxes[0].Id);
        Assert.Equal(new Box(10.5, 20, 109.5, 40.25), doc.Boxes[0].Bounds);
        Assert.Equal("2024", doc.Boxes[1].Data);
        Assert.Equal(4, doc.Boxes[1].Id);
        Assert.Equal(new Box(200, 20, 60, 40), doc.Boxes[1].Bounds);
        Assert.Equal(2, doc.HandwrittenBounds().Count);
    }

    [Theory]
    [InlineData("""{"bbox": []}""", "Images")]
    [InlineData("""{"Images": {"identifier": "a", "width": 0, "height": 5}, "bbox": []}""", "width")]
    [InlineData("""{"Images": {"identifier": "a", "width": 5, "height": 5}}""", "bbox")]
    [InlineData("""{"Images": {"identifier": "a", "width": 5, "height": 5}, "bbox": [{"x": [1, 2], "y": [1]}]}""", "bbox #0")]
    [InlineData("""{"Images": {"identifier": "a", "width": 5, "height": 5}, "bbox": [{"x": ["a"], "y": [1]}]}""", "numeric")]
    [InlineData("not json", "JSON")]
    public void Invalid_labels_throw_label_invalid(string json, string problem)
    {
        var e = Assert.Throws<PilgiException>(() => LabelLoader.Parse(json, "bad.json"));
        Assert.Equal(ReasonCodes.LabelInvalid, e.Reason);
        Assert.Contains("bad.json", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void Writer_round_trips_with_korean_unescaped()
    {
        var doc = LabelLoader.Parse(Extended, "a.json");
        string json = LabelWriter.ToJson(doc);

        Assert.Contains("\"홍길동\"", json);
        Assert.Contains("\"form_type\": \"remittance\"", json);
        Assert.DoesNotContain("\\u", json);

        var again = LabelLoader.Parse(json, "b.json");
        Assert.Equal(doc.Identifier, again.Identifier);
        Assert.Equal(doc.FormType, again.FormType);
        Assert.Equal(doc.Boxes, again.Boxes);
    }

    [Fact]
    public void Save_and_load_through_a_file()
    {
        using var dir = new TempDirectory();
        var doc = LabelLoader.Parse(PlainAiHub, "plain.json");
        string path = Path.Combine(dir.Path, "out.json");
        LabelWriter.Save(path, doc);
        Assert.Equal(doc.Boxes, LabelLoader.Load(path).Boxes);
        Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte-order mark
    }
}

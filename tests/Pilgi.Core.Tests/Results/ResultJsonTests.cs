using System.Text.Json;
using Pilgi.Core.Geometry;
using Pilgi.Core.Results;

namespace Pilgi.Core.Tests.Results;

public class ResultJsonTests
{
    private static ScanResult Sample() => new()
    {
        Scan = "remittance/001.jpg",
        Template = "remittance",
        Pages = 1,
        Fields =
        {
            ["sender"] = new FieldResult
            {
                Value = "홍길동", Confidence = 0.98, Box = new Box(761, 558, 221, 93), Page = 1, Valid = true, Reason = null, NeedsReview = false,
            },
            ["amount"] = new FieldResult
            {
                Value = "350,000", Confidence = 0.42, Box = null, Page = 1, Valid = true, Reason = "low_confidence", NeedsReview = true,
                Alternatives = ["358,000", "850,000"],
            },
        },
        Regions = [new RegionResult { Box = new Box(761, 558, 221, 93), Page = 1, Field = "sender", Text = "홍길동", Confidence = 0.98 }],
        Models = { ["detector"] = "det-v1", ["recognizer"] = "rec-v2" },
        Timings = { ["totalMs"] = 812.5, ["detectMs"] = 100 },
    };

    [Fact]
    public void Serialises_with_the_contract_key_names_and_korean_unescaped()
    {
        string json = ResultJson.Serialize(Sample());

        Assert.Contains("\"홍길동\"", json);
        Assert.DoesNotContain("\\u", json);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal(["scan", "template", "pages", "fields", "regions", "models", "timings"], root.EnumerateObject().Select(p => p.Name));

        var sender = root.GetProperty("fields").GetProperty("sender");
        Assert.Equal(["value", "confidence", "box", "page", "valid", "reason", "needsReview", "alternatives"], sender.EnumerateObject().Select(p => p.Name));
        Assert.Equal("[761,558,221,93]", sender.GetProperty("box").GetRawText().Replace(" ", "").Replace("\n", "").Replace("\r", ""));
        Assert.Equal(JsonValueKind.Null, sender.GetProperty("reason").ValueKind);

        var amount = root.GetProperty("fields").GetProperty("amount");
        Assert.Equal(JsonValueKind.Null, amount.GetProperty("box").ValueKind);
        Assert.Equal(["358,000", "850,000"], amount.GetProperty("alternatives").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(JsonValueKind.Null, sender.GetProperty("alternatives").ValueKind);

        var region = root.GetProperty("regions")[0];
        Assert.Equal(["box", "page", "field", "text", "confidence"], region.EnumerateObject().Select(p => p.Name));
        Assert.Equal(812.5, root.GetProperty("timings").GetProperty("totalMs").GetDouble());
        Assert.Equal("det-v1", root.GetProperty("models").GetProperty("detector").GetString());
    }

    [Fact]
    public void Round_trips()
    {
        var original = Sample();
        var again = ResultJson.Deserialize(ResultJson.Serialize(original));

        Assert.Equal(original.Scan, again.Scan);
        Assert.Equal(original.Template, again.Template);
        Assert.Equal(["sender", "amount"], again.Fields.Keys);
        Assert.Equal(original.Fields["sender"], again.Fields["sender"]);
        Assert.Equal(original.Fields["amount"], again.Fields["amount"]);
        Assert.Equal(original.Regions, again.Regions);
        Assert.Equal(original.Models, again.Models);
        Assert.Equal(original.Timings, again.Timings);
    }

    [Fact]
    public void Error_records_use_the_same_conventions()
    {
        var error = new ErrorRecord
        {
            Scan = "scans/깨진파일.jpg", Reason = "image_corrupt", Message = "손상된 이미지", InstanceId = null,
            Time = new DateTimeOffset(2025, 3, 1, 9, 30, 0, TimeSpan.FromHours(9)),
        };
        string json = ResultJson.Serialize(error);

        Assert.Contains("깨진파일", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal(["scan", "reason", "message", "instanceId", "time"], doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("instanceId").ValueKind);
        Assert.Equal(error, ResultJson.DeserializeError(json));
    }
}

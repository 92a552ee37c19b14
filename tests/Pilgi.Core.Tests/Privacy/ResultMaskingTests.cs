using Pilgi.Core.Geometry;
using Pilgi.Core.Privacy;
using Pilgi.Core.Results;
using Pilgi.Core.Templates;

namespace Pilgi.Core.Tests.Privacy;

public class ResultMaskingTests
{
    private static readonly FormTemplate Template = new()
    {
        Id = "remittance",
        Title = "송금의뢰서",
        PageWidth = 2480,
        PageHeight = 3508,
        Reference = "remittance.png",
        ReferencePath = "remittance.png",
        Fields =
        [
            new TemplateField("sender", "성명", FieldKind.Name, new Box(0, 0, 10, 10)),
            new TemplateField("rrn", "주민등록번호", FieldKind.Rrn, new Box(0, 20, 10, 10)),
            new TemplateField("phone", "연락처", FieldKind.Phone, new Box(0, 40, 10, 10)),
            new TemplateField("account", "계좌번호", FieldKind.Account, new Box(0, 60, 10, 10)),
            new TemplateField("amount", "금액", FieldKind.Amount, new Box(0, 80, 10, 10)),
            new TemplateField("memo", "메모", FieldKind.Text, new Box(0, 100, 10, 10)),
        ],
    };

    private static ScanResult Read() => new()
    {
        Scan = "scans/remittance/001.jpg",
        Template = "remittance",
        Pages = 1,
        Fields =
        {
            ["sender"] = Field("홍길동"),
            ["rrn"] = Field("9001011234567"),
            ["phone"] = Field("010-1234-5678"),
            ["account"] = Field("110123456789"),
            ["amount"] = Field("1000000000"),
            ["memo"] = Field("급하면 010-9876-5432"),
        },
        Regions =
        [
            Region("rrn", "900101-"), Region("rrn", "1234567"), Region("phone", "010-1234-5678"),
            Region("account", "110123456789"), Region("amount", "1000000000"), Region(null, "02-123-4567"),
        ],
    };

    private static FieldResult Field(string value) => new() { Value = value, Confidence = 0.9, Box = new Box(1, 2, 3, 4), Valid = true };

    private static RegionResult Region(string? field, string text) => new() { Box = new Box(1, 2, 3, 4), Field = field, Text = text, Confidence = 0.9 };

    // a region holding part of an RRN is masked as a short value: its last six letters or digits at least
    [Fact]
    public void Personal_number_fields_and_their_regions_are_masked_by_kind()
    {
        var masked = Read().MaskPii(Template);

        Assert.Equal("9001011******", masked.Fields["rrn"].Value);
        Assert.Equal("010-****-5678", masked.Fields["phone"].Value);
        Assert.Equal("********6789", masked.Fields["account"].Value);
        Assert.Equal(["******-", "1******", "010-****-5678", "********6789", "1000000000", "02-***-4567"], masked.Regions.Select(r => r.Text));
    }

    [Fact]
    public void Other_fields_keep_their_values_but_numbers_in_free_text()
    {
        var masked = Read().MaskPii(Template);

        Assert.Equal("홍길동", masked.Fields["sender"].Value);
        Assert.Equal("1000000000", masked.Fields["amount"].Value);
        Assert.Equal("급하면 010-****-5432", masked.Fields["memo"].Value);
    }

    [Fact]
    public void Everything_else_and_the_original_stay_as_they_were()
    {
        var read = Read();
        var masked = read.MaskPii(Template);

        Assert.Equal(read.Scan, masked.Scan);
        Assert.Equal(read.Fields.Keys, masked.Fields.Keys);
        Assert.All(masked.Fields.Values, f => Assert.Equal(new Box(1, 2, 3, 4), f.Box));
        Assert.True(masked.Fields["rrn"].Valid);
        Assert.Equal("9001011234567", read.Fields["rrn"].Value);
        Assert.Equal("1234567", read.Regions[1].Text);
    }

    [Fact]
    public void An_error_records_message_is_masked()
    {
        var record = new ErrorRecord { Scan = "scans/remittance/900101-1234567.jpg", Reason = "image_corrupt", Message = "scans/remittance/900101-1234567.jpg: corrupt" };

        Assert.Equal("scans/remittance/900101-1******.jpg: corrupt", record.MaskPii().Message);
    }

    [Fact]
    public void The_personal_number_fields_of_a_template() =>
        Assert.Equal(["account", "phone", "rrn"], Template.PersonalNumberFields().Order(StringComparer.Ordinal));
}
